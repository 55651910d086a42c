import { z } from 'zod';
import { FieldPathError, parseFieldPath } from '../../engine';

/** A parameter naming a field of the incoming record, e.g. `inventoryNumber` or `image.base64`; checked when the flow is validated. */
export const pathParam = (title: string, fallback: string, description: string) =>
  z
    .string()
    .default(fallback)
    .meta({ title, description, ui: { widget: 'text' } })
    .superRefine((s, ctx) => {
      try {
        parseFieldPath(s);
      } catch (err) {
        if (err instanceof FieldPathError) ctx.addIssue({ code: 'custom', message: err.message });
        else throw err;
      }
    });
