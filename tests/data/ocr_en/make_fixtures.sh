#!/bin/sh
# Regenerate the English OCR fixtures of tests/test_ocr_en.py from the
# ground truth files in this directory (NAME.truth.txt: one paragraph per
# line, written for this project).
#
# For every NAME.truth.txt this script
#   1. typesets the text with plain troff requests (groff -Tps, Times 10pt,
#      justified, hyphenation on (.hy 6: never on a page's last line, as
#      good typesetting does), a narrow measure so that many lines end in a
#      hyphen, letter-size pages with 1in margins) and turns the PostScript
#      into a PDF with ps2pdf. The pages have NO page numbers or running
#      headers, on purpose: the ocr-en preset does not run the opt-in
#      running-headers step, so they would stay in the text as words;
#   2. extracts the PDF's text with `pdftotext -layout` -> NAME.pdftotext.txt
#      (pages separated by form feeds, as pdftotext writes them). Not the
#      default mode: without -layout pdftotext rejoins some hyphenated
#      lines itself, dropping real hyphens too ("long-" + "term" ->
#      "longterm"), and leaves no line-end hyphen to test;
#   3. renders every page at 300 dpi with `pdftoppm -r 300 -png` and reads
#      it back with `tesseract PAGE.png -` -> NAME.tesseract.txt (each
#      page's output verbatim, pages joined with a form feed: tesseract 5
#      writes none itself to stdout).
# The PDFs and page images stay in a temporary directory that is removed at
# the end (set KEEP=1 to keep it; its path is printed).
#
# Tools (Debian: apt-get install groff-base ghostscript poppler-utils
# tesseract-ocr): groff 1.22, ps2pdf (ghostscript), pdftotext and pdftoppm
# (poppler-utils), tesseract 5 with the English model. The fixtures were
# made with groff 1.22.4, Ghostscript 10.00.0, poppler 22.12.0 and tesseract
# 5.3.0; other versions give slightly different raw text (another
# tesseract misreads other letters), so regenerating changes the fixtures.
#
# This script is NOT run by the tests or by CI: the tests only read the
# .txt files it wrote. Run it by hand from anywhere:
#     sh tests/data/ocr_en/make_fixtures.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ocr_en.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "keeping $tmp" >&2
else
    trap 'rm -rf "$tmp"' EXIT
fi

# Line length per document: different measures give different breaks;
# these were picked so that every document has both typesetter hyphens
# and line breaks after the hyphen of a real compound ("long-|term").
measure() {
    case $1 in
        news_tramway) echo 3.2i ;;
        sci_heatflow) echo 3.4i ;;
        hist_canal) echo 3.25i ;;
        letter_niece) echo 3.45i ;;
        *) echo 3.4i ;;
    esac
}

# Paragraph style: "spaced" (space between paragraphs, first line indented)
# or "indented" (book style: no space between paragraphs, only the indent).
style() {
    case $1 in
        hist_canal) echo indented ;;
        *) echo spaced ;;
    esac
}

for truth in "$here"/*.truth.txt; do
    name=$(basename "$truth" .truth.txt)
    ll=$(measure "$name")
    st=$(style "$name")
    roff="$tmp/$name.roff"
    {
        cat <<EOF
.pl 11i
.po 1i
.ll $ll
.ps 10
.vs 12p
.ft R
.ad b
.hy 6
.de HD
'sp 1i
..
.de FO
'bp
..
.wh 0 HD
.wh -1i FO
EOF
        # One paragraph per line. A short line (a title, a date, a
        # salutation, a signature) is set on its own line, unindented; a
        # long one is a paragraph with an indented first line.
        awk -v style="$st" '
        {
            gsub(/\\/, "\\e")
            if ($0 ~ /^[.\047]/) $0 = "\\&" $0
            if (NR > 1) print (style == "spaced" || length($0) < 60 ? ".sp 0.6v" : ".br")
            if (length($0) < 60) print ".ti 0\n.nh"
            else print ".ti 1.5m"
            print
            print ".br\n.hy 6"
        }' "$truth"
    } >"$roff"
    groff -Kutf-8 -Tps "$roff" >"$tmp/$name.ps"
    ps2pdf "$tmp/$name.ps" "$tmp/$name.pdf"
    pdftotext -layout -enc UTF-8 "$tmp/$name.pdf" "$here/$name.pdftotext.txt"
    pdftoppm -r 300 -png "$tmp/$name.pdf" "$tmp/$name-page"
    sep=""
    for page in "$tmp/$name"-page*.png; do
        printf "$sep"
        tesseract "$page" - 2>/dev/null
        sep="\f"
    done >"$here/$name.tesseract.txt"
    echo "$name: $(ls "$tmp/$name"-page*.png | wc -l) page(s)" >&2
done
