import type { Command } from "commander";
import { parseYaml, readText } from "../../files/load.js";
import { OrgFileSchema } from "../../files/org-file.js";
import { importOrg } from "../../services/import-org.js";
import type { CliContext, Common } from "../context.js";
import { formatChanges } from "../format.js";

/** `dondoc org import FILE [--dry-run]`. */
export function registerOrg(program: Command, { common, withDb, print, actor }: CliContext): void {
  const org = program.command("org").description("cơ cấu tổ chức / the organisation");
  common(org.command("import").argument("<file>", "tệp YAML / YAML file").option("--dry-run", "chỉ xem thay đổi / show changes only"))
    .description("nạp đơn vị, nhóm, thành viên / load units, groups and members")
    .action(async (file: string, opts: Common & { dryRun?: boolean }) => {
      const loaded = parseYaml(file, await readText(file), OrgFileSchema);
      const r = await withDb((db) => importOrg(db.prisma, loaded, { dryRun: opts.dryRun, actor }));
      print(opts, r, () => formatChanges(`${file}:`, r.changes, r.dryRun, opts.lang));
    });
}
