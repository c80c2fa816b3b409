#!/usr/bin/env node
// The dondoc command. The TypeScript sources are compiled to dist/ by
// `npm install` (postinstall) and `npm run build`.
import("../dist/cli/main.js")
  .then((m) => m.main(process.argv))
  .catch((err) => {
    if (err && err.code === "ERR_MODULE_NOT_FOUND") {
      process.stderr.write("dondoc chưa được biên dịch: chạy `npm install` hoặc `npm run build`.\ndondoc is not built yet: run `npm install` or `npm run build`.\n");
      process.exit(70);
    }
    throw err;
  });
