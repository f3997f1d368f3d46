/** The report's (and dashboard's) inline stylesheet: system fonts with a CJK fallback, no network. */
export const REPORT_CSS = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","WenQuanYi Micro Hei",sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.8rem 0;min-width:24rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #ccc;padding:.25rem .55rem;text-align:left}td{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#404040;font-size:.95rem}.suppressed{color:#595959;font-style:italic}
.chart svg{max-width:100%;height:auto;display:block;margin:.4rem 0}
details{margin:.4rem 0 1rem}summary{cursor:pointer;color:#0072B2}
nav a{margin-right:.8rem}dt{margin-top:.5rem}dd{margin-left:1.2rem;color:#333}
ul.topics .count{color:#595959;font-variant-numeric:tabular-nums}
`;
