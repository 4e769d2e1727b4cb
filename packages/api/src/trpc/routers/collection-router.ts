import {
  collectionSchemas,
  entityDetails,
  Id,
  listEntities,
  type CollectionKey,
  type EntityDetails,
  type EntityPage,
} from "@parley/domain";
import { TRPCError } from "@trpc/server";
import { type z } from "zod";
import { ExpectedVersion, ListInput, TheatreInput } from "../inputs";
import { stampOf, storedTheatre, storeEdit, type EditOutcome } from "../theatre-access";
import { editorProcedure, readProcedure, router } from "../trpc";
import type { EntityStamp } from "../../store/store";

/** An entity as the API returns it: its data and who changed it last. */
export type Versioned<T> = EntityStamp & { data: T };

/**
 * list / get / create / update / delete for one collection of a theatre. Every change is validated with the
 * whole theatre and stored with its history; update and delete must name the version they read.
 */
export function collectionRouter<K extends CollectionKey>(kind: K) {
  type Entity = z.output<(typeof collectionSchemas)[K]>;
  const schema = collectionSchemas[kind] as unknown as z.ZodType<
    Entity,
    z.input<(typeof collectionSchemas)[K]>
  >;
  const fields = Object.keys(collectionSchemas[kind].shape);
  return router({
    list: readProcedure
      .input(ListInput)
      .query(async ({ ctx, input }): Promise<EntityPage<Versioned<Entity>>> => {
        const stored = await storedTheatre(ctx, input.theatreId);
        const page = listEntities(stored.document[kind] as Entity[], input, fields);
        return { ...page, items: page.items.map((data) => ({ ...stampOf(stored, kind, data.id)!, data })) };
      }),
    get: readProcedure
      .input(TheatreInput.extend({ id: Id }))
      .query(async ({ ctx, input }): Promise<Versioned<Entity> & { details: EntityDetails }> => {
        const stored = await storedTheatre(ctx, input.theatreId);
        const data = (stored.document[kind] as Entity[]).find((entity) => entity.id === input.id);
        if (!data)
          throw new TRPCError({
            code: "NOT_FOUND",
            message: `no ${kind} entry "${input.id}" in theatre "${input.theatreId}"`,
          });
        return { ...stampOf(stored, kind, data.id)!, data, details: entityDetails(stored.document, data) };
      }),
    create: editorProcedure
      .input(TheatreInput.extend({ data: schema }))
      .mutation(async ({ ctx, input }) =>
        typed<Entity>(
          await storeEdit(ctx, input.theatreId, { operation: "create", kind, data: input.data }, undefined),
        ),
      ),
    update: editorProcedure
      .input(TheatreInput.extend({ id: Id, expectedVersion: ExpectedVersion, data: schema }))
      .mutation(async ({ ctx, input }) =>
        typed<Entity>(
          await storeEdit(
            ctx,
            input.theatreId,
            { operation: "update", kind, id: input.id, data: input.data },
            input.expectedVersion,
          ),
        ),
      ),
    delete: editorProcedure
      .input(TheatreInput.extend({ id: Id, expectedVersion: ExpectedVersion }))
      .mutation(async ({ ctx, input }) => {
        const outcome = await storeEdit(
          ctx,
          input.theatreId,
          { operation: "delete", kind, id: input.id },
          input.expectedVersion,
        );
        return { deleted: true as const, version: outcome.version, revision: outcome.revision };
      }),
  });
}

function typed<T>(outcome: EditOutcome): Versioned<T> & { revision: number } {
  return outcome as Versioned<T> & { revision: number };
}
