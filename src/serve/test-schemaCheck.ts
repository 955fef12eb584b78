// Checks a value against a schema of the OpenAPI document (the JSON Schema subset our route
// schemas use: type, required, properties, additionalProperties, items, enum, allOf, anyOf,
// $ref to components, format date). Returns the mismatches, each with its path.
type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function checkSchema(
  doc: { components?: { schemas?: Record<string, Schema> } },
  schema: Schema,
  value: unknown,
  path = '$',
): string[] {
  if (typeof schema.$ref === 'string') {
    const [file, pointer] = schema.$ref.split('#');
    const parts = (pointer ?? '').split('/').filter(Boolean);
    let target: unknown = file ? undefined : doc;
    for (const p of parts) target = (target as Record<string, unknown> | undefined)?.[p];
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    return checkSchema(doc, target as Schema, value, path);
  }
  const errors: string[] = [];
  if (schema.allOf)
    for (const s of schema.allOf as Schema[]) errors.push(...checkSchema(doc, s, value, path));
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((s) => checkSchema(doc, s, value, path).length === 0))
    errors.push(`${path}: matches none of anyOf`);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number')))
      return [...errors, `${path}: ${JSON.stringify(value)} is ${t}, not ${types.join('|')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.format === 'date' && typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    errors.push(`${path}: ${value} is not a date`);
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of (schema.required as string[] | undefined) ?? [])
      if (!(k in obj)) errors.push(`${path}: missing required ${k}`);
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...checkSchema(doc, props[k], v, `${path}.${k}`));
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...checkSchema(doc, schema.additionalProperties as Schema, v, `${path}.${k}`));
      else if (schema.properties && schema.additionalProperties === undefined && !schema.allOf)
        errors.push(`${path}: ${k} is not documented`);
    }
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => errors.push(...checkSchema(doc, schema.items as Schema, v, `${path}[${i}]`)));
  return errors;
}
