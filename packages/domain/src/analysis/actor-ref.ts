import type { TheatreIndex } from "./theatre-index";

/** An actor as results name it: its id and its name. */
export interface ActorRef {
  id: string;
  name: string;
}

export function actorRef(index: TheatreIndex, id: string): ActorRef {
  return { id, name: index.actors.get(id)?.name ?? id };
}
