import { Type, type TSchema } from '@fastify/type-provider-typebox';

/** The one error body of the whole API. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code' }),
      message: Type.String({ description: 'Human-readable, in the language of Accept-Language' }),
      field: Type.Optional(Type.String({ description: 'The input field at fault' })),
      details: Type.Optional(
        Type.Array(
          Type.Object({
            message: Type.String(),
            field: Type.Optional(Type.String()),
            sheet: Type.Optional(Type.String()),
            row: Type.Optional(Type.Integer()),
            column: Type.Optional(Type.String()),
          }),
          { description: 'Every problem, when there are several' },
        ),
      ),
    }),
  },
  { $id: 'ErrorBody', description: 'Error' },
);

export const errorResponses = {
  400: Type.Ref('ErrorBody'),
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  404: Type.Ref('ErrorBody'),
  409: Type.Ref('ErrorBody'),
  422: Type.Ref('ErrorBody'),
  429: Type.Ref('ErrorBody'),
  503: Type.Ref('ErrorBody'),
};

export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};

export const listOf = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), total: Type.Integer({ minimum: 0 }) });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
