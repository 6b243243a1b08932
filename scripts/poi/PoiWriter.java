// Writes an .xlsx with Apache POI from a line-based plan (made by scripts/poi.py).
//
//   java -Duser.timezone=UTC -cp <POI classpath>:<classes> PoiWriter PLAN OUT.xlsx
//
// Plan lines (tab-separated; the last field may hold escaped text: \\ \t \n \r):
//   BOOK sxssf|xssf                       SXSSFWorkbook (streaming, inline strings) or XSSFWorkbook
//   SHEET name                            start a sheet (rows must come in increasing order)
//   HIDE normal|hidden|veryHidden         state of the current sheet
//   WIDTH col chars                       column width
//   FREEZE rows                           freeze the rows above row index `rows` (0-based)
//   MERGE r1 c1 r2 c2                     merged region (0-based, inclusive)
//   ROW r [hidden]                        start row r (0-based)
//   CELL c type style payload             type: s text, n number, b boolean (1/0), d date-time
//                                         (yyyy-MM-ddTHH:mm:ss[.SSS]), e error (#DIV/0!...),
//                                         r rich text (runs joined by \u0001, each "flags\u0002text",
//                                         flags from b i), f formula (no cached value)
//                                         style: - | bold | title | wrap | fmt:<number format>
// The workbook's creation date is fixed to 2024-05-14T09:30:00Z so reruns differ only in ZIP times.
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;

public class PoiWriter {
    static Workbook wb;
    static XSSFWorkbook xwb;
    static Sheet sheet;
    static Row row;
    static final Map<String, CellStyle> styles = new HashMap<>();
    static Font boldFont, italicFont, boldItalicFont;

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static CellStyle style(String name) {
        if (name.equals("-")) return null;
        return styles.computeIfAbsent(name, k -> {
            CellStyle st = wb.createCellStyle();
            if (k.equals("bold")) {
                st.setFont(boldFont);
                st.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
                st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                st.setBorderBottom(BorderStyle.THIN);
            } else if (k.equals("title")) {
                Font f = wb.createFont();
                f.setBold(true);
                f.setFontHeightInPoints((short) 14);
                st.setFont(f);
                st.setAlignment(HorizontalAlignment.CENTER);
            } else if (k.equals("wrap")) {
                st.setWrapText(true);
                st.setVerticalAlignment(VerticalAlignment.TOP);
            } else if (k.startsWith("fmt:")) {
                st.setDataFormat(wb.createDataFormat().getFormat(k.substring(4)));
            }
            return st;
        });
    }

    static Font font(String flags) {
        boolean b = flags.contains("b"), i = flags.contains("i");
        return b && i ? boldItalicFont : b ? boldFont : i ? italicFont : null;
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "BOOK":
                    xwb = new XSSFWorkbook();
                    POIXMLProperties.CoreProperties cp = xwb.getProperties().getCoreProperties();
                    SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
                    iso.setTimeZone(TimeZone.getTimeZone("UTC"));
                    cp.setCreated(Optional.of(iso.parse("2024-05-14T09:30:00Z")));
                    cp.setCreator("drsdiff samples (Apache POI)");
                    wb = f[1].equals("sxssf") ? new SXSSFWorkbook(xwb, 100) : xwb;
                    boldFont = wb.createFont();
                    boldFont.setBold(true);
                    italicFont = wb.createFont();
                    italicFont.setItalic(true);
                    boldItalicFont = wb.createFont();
                    boldItalicFont.setBold(true);
                    boldItalicFont.setItalic(true);
                    break;
                case "SHEET":
                    sheet = wb.createSheet(f[1]);
                    row = null;
                    break;
                case "HIDE":
                    wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.valueOf(
                            f[1].equals("hidden") ? "HIDDEN" : f[1].equals("veryHidden") ? "VERY_HIDDEN" : "VISIBLE"));
                    break;
                case "WIDTH":
                    sheet.setColumnWidth(Integer.parseInt(f[1]), (int) Math.round(Double.parseDouble(f[2]) * 256));
                    break;
                case "FREEZE":
                    sheet.createFreezePane(0, Integer.parseInt(f[1]));
                    break;
                case "MERGE":
                    sheet.addMergedRegion(new CellRangeAddress(Integer.parseInt(f[1]), Integer.parseInt(f[3]),
                            Integer.parseInt(f[2]), Integer.parseInt(f[4])));
                    break;
                case "ROW":
                    row = sheet.createRow(Integer.parseInt(f[1]));
                    if (f.length > 2 && f[2].equals("hidden")) row.setZeroHeight(true);
                    break;
                case "CELL": {
                    Cell c = row.createCell(Integer.parseInt(f[1]));
                    String type = f[2], payload = unescape(f[4]);
                    CellStyle st = style(f[3]);
                    switch (type) {
                        case "s": c.setCellValue(payload); break;
                        case "n": c.setCellValue(Double.parseDouble(payload)); break;
                        case "b": c.setCellValue(payload.equals("1")); break;
                        case "e": c.setCellErrorValue(FormulaError.forString(payload).getCode()); break;
                        case "f": c.setCellFormula(payload); break;
                        case "d": {
                            String fmt = payload.contains(".") ? "yyyy-MM-dd'T'HH:mm:ss.SSS" : "yyyy-MM-dd'T'HH:mm:ss";
                            c.setCellValue(new SimpleDateFormat(fmt).parse(payload));
                            break;
                        }
                        case "r": {
                            String[] runs = payload.split("\u0001", -1);
                            StringBuilder all = new StringBuilder();
                            for (String r : runs) all.append(r.substring(r.indexOf('\u0002') + 1));
                            XSSFRichTextString rt = new XSSFRichTextString(all.toString());
                            int pos = 0;
                            for (String r : runs) {
                                int k = r.indexOf('\u0002');
                                String text = r.substring(k + 1);
                                Font fo = font(r.substring(0, k));
                                if (fo != null && !text.isEmpty()) rt.applyFont(pos, pos + text.length(), fo);
                                pos += text.length();
                            }
                            c.setCellValue(rt);
                            break;
                        }
                        default: throw new IllegalArgumentException("cell type " + type);
                    }
                    if (st != null) c.setCellStyle(st);
                    break;
                }
                default:
                    throw new IllegalArgumentException("plan line: " + line);
            }
        }
        try (OutputStream o = new FileOutputStream(args[1])) {
            wb.write(o);
        }
        if (wb instanceof SXSSFWorkbook) ((SXSSFWorkbook) wb).dispose();
        wb.close();
    }
}
