import { z } from 'zod';

/** A yes/no setting or query parameter as text: `true`/`1` or `false`/`0`, nothing else. */
export const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
