import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// One zod instance for the whole API, extended with `.openapi()` so every schema documents itself.
extendZodWithOpenApi(z);
export { z };
