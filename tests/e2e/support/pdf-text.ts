// The text of a PDF that Chromium printed (Skia's PDF writer), enough to check what a page
// says: page objects in order, their fonts' ToUnicode maps, and the strings drawn with
// Tj / TJ. Not a general PDF reader (no object streams, no encryption, no Type 3 text),
// which Chromium's output does not need.
import { inflateSync } from "node:zlib";

type PdfObject = { dict: string; data: Buffer | null };

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1"); // one character per byte: offsets match
  const headers = [...text.matchAll(/(\d+) 0 obj\b/g)];
  const objects = new Map<number, PdfObject>();
  headers.forEach((header, i) => {
    const from = header.index! + header[0].length;
    const until = i + 1 < headers.length ? headers[i + 1].index! : text.length;
    const body = text.slice(from, until);
    const stream = /\bstream\r?\n/.exec(body);
    const end = body.indexOf("endobj");
    if (!stream || (end >= 0 && end < stream.index)) {
      objects.set(Number(header[1]), { dict: body.slice(0, end >= 0 ? end : undefined), data: null });
      return;
    }
    const dict = body.slice(0, stream.index);
    const start = from + stream.index + stream[0].length;
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    const raw = pdf.subarray(start, length ? start + Number(length[1]) : from + body.indexOf("endstream"));
    let data: Buffer = raw;
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(raw);
      } catch {
        data = raw;
      }
    }
    objects.set(Number(header[1]), { dict, data });
  });
  return objects;
}

type CMap = { bytes: number; map: Map<number, string> };

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

function parseCMap(source: string): CMap {
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(source);
  const map = new Map<number, string>();
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const [from, to] = [parseInt(m[1], 16), parseInt(m[2], 16)];
      if (m[3].startsWith("[")) {
        [...m[3].matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => map.set(from + i, utf16(d[1])));
      } else {
        const base = parseInt(m[3].slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(base + code - from));
      }
    }
  }
  return { bytes: space ? space[1].length / 2 : 2, map };
}

function decode(hex: string, cmap: CMap | undefined): string {
  const clean = hex.replace(/\s+/g, "");
  const width = (cmap?.bytes ?? 2) * 2;
  let out = "";
  for (let i = 0; i + width <= clean.length; i += width) {
    const code = parseInt(clean.slice(i, i + width), 16);
    out += cmap?.map.get(code) ?? "";
  }
  return out;
}

const ref = (source: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(source);
  return m ? Number(m[1]) : null;
};

function pageOrder(objects: Map<number, PdfObject>): number[] {
  const root = [...objects.entries()].find(([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\s/.test(o.dict));
  const walk = (id: number): number[] => {
    const o = objects.get(id);
    if (!o) return [];
    if (!/\/Type\s*\/Pages\b/.test(o.dict)) return [id];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? "";
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(Number(k[1])));
  };
  return root ? walk(root[0]) : [];
}

function pageText(objects: Map<number, PdfObject>, page: PdfObject): string {
  const resourcesRef = ref(page.dict, "Resources");
  const resources = resourcesRef === null ? page.dict : (objects.get(resourcesRef)?.dict ?? "");
  const fontsRef = ref(resources, "Font");
  const fontDict = fontsRef === null ? (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? "") : (objects.get(fontsRef)?.dict ?? "");
  const fonts = new Map<string, CMap | undefined>();
  for (const f of fontDict.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
    const toUnicode = ref(objects.get(Number(f[2]))?.dict ?? "", "ToUnicode");
    const cmap = toUnicode === null ? undefined : objects.get(toUnicode)?.data;
    fonts.set(f[1], cmap ? parseCMap(cmap.toString("latin1")) : undefined);
  }
  const contents = /\/Contents\s*(?:(\d+) 0 R|\[([^\]]*)\])/.exec(page.dict);
  const ids = contents ? (contents[1] ? [Number(contents[1])] : [...contents[2].matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]))) : [];
  const content = ids.map((id) => objects.get(id)?.data?.toString("latin1") ?? "").join("\n");
  let font: CMap | undefined;
  let out = "";
  for (const op of content.matchAll(
    /\/([^\s/]+)\s+[-\d.]+\s+Tf|\[((?:<[0-9A-Fa-f\s]*>|[-\d.\s])*)\]\s*TJ|<([0-9A-Fa-f\s]*)>\s*Tj|\bET\b/g,
  )) {
    if (op[1] !== undefined) font = fonts.get(op[1]);
    else if (op[2] !== undefined) out += [...op[2].matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((s) => decode(s[1], font)).join("");
    else if (op[3] !== undefined) out += decode(op[3], font);
    else out += " ";
  }
  return out.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** The text of each page, in order, with runs joined by spaces. */
export function pdfPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  return pageOrder(objects).map((id) => pageText(objects, objects.get(id)!));
}
