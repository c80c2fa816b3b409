// files.info: a file's metadata, url_private among it. (The upload methods
// live in their own file.)
import { z } from "zod";
import { args } from "./args.js";
import { ApiFailure, defineMethod } from "./method.js";

export const info = defineMethod(args({ file: z.string().optional() }), (a, { workspace }) => {
  const file = a.file ? workspace.files.get(a.file) : undefined;
  if (!file) throw new ApiFailure("file_not_found");
  return { file: workspace.files.json(file), comments: [], response_metadata: { next_cursor: "" } };
});
