package org.dualprevention.analytics.document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * A strict checker for the documents, written because no HTML validator (such as the Nu validator) is
 * served by the package registry this build uses: the document must parse as XML (well-formed polyglot
 * XHTML), use only the HTML and SVG elements the renderer is meant to write, each where HTML allows it,
 * load nothing from outside (no scripts, no {@code src}, {@code href} or {@code url(…)}), declare its
 * language, charset, title and an A4 {@code @page}, and have tables whose rows all span the header's
 * columns (rowspan and colspan counted).
 */
final class HtmlCheck {
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String SVG = "http://www.w3.org/2000/svg";
    private static final Set<String> HTML_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "header",
            "h1", "h2", "p", "div", "span", "table", "thead", "tbody", "tr", "th", "td", "ul", "ol", "li", "section",
            "figure");
    private static final Set<String> SVG_ELEMENTS = Set.of("svg", "title", "rect", "text", "line", "polygon", "circle",
            "g");
    private static final Pattern LEFTOVERS = Pattern.compile("\\bnull\\b|Optional\\[|\\{\\d|\\b1 (days|risk points|hazards)\\b"
            + "|\\bNaN\\b|Infinity");

    private HtmlCheck() {
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return b.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Checks a document; returns its DOM.
     *
     * @param html the document
     * @param name its name for messages
     * @return the parsed document
     */
    static Document check(String html, String name) throws Exception {
        List<String> problems = new ArrayList<>();
        if (!html.startsWith("<!DOCTYPE html>\n")) {
            problems.add("does not start with <!DOCTYPE html>");
        }
        Document doc;
        try {
            doc = parse(html);
        } catch (SAXParseException e) {
            throw new AssertionError(name + " is not well-formed at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!XHTML.equals(root.getNamespaceURI()) || !"html".equals(root.getLocalName())) {
            problems.add("root is not the XHTML html element");
        }
        String lang = root.getAttribute("lang");
        if (!lang.equals("zh-CN") && !lang.startsWith("en")) {
            problems.add("lang [" + lang + "] is neither zh-CN nor English");
        }
        if (!lang.equals(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))) {
            problems.add("xml:lang differs from lang");
        }
        Element head = first(root, "head");
        Element body = first(root, "body");
        if (head == null || body == null) {
            problems.add("head or body missing");
        } else {
            Element meta = first(head, "meta");
            if (meta == null || !"UTF-8".equals(meta.getAttribute("charset"))) {
                problems.add("no <meta charset=\"UTF-8\"/> first in head");
            }
            Element title = first(head, "title");
            if (title == null || title.getTextContent().isBlank()) {
                problems.add("no title");
            }
            Element style = first(head, "style");
            if (style == null || !style.getTextContent().contains("@page") || !style.getTextContent().contains("size: A4")) {
                problems.add("no @page rule for A4");
            }
        }
        if (html.contains("<script") || html.contains("url(") || html.contains("@import")) {
            problems.add("loads or runs something: <script>, url( or @import");
        }
        walk(root, problems);
        NodeList tables = doc.getElementsByTagNameNS(XHTML, "table");
        for (int i = 0; i < tables.getLength(); i++) {
            table((Element) tables.item(i), i, problems);
        }
        String text = root.getTextContent();
        java.util.regex.Matcher m = LEFTOVERS.matcher(text);
        if (m.find()) {
            problems.add("text contains [" + m.group() + "] near: "
                    + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(name + ": " + String.join("; ", problems));
        }
        return doc;
    }

    private static void walk(Element e, List<String> problems) {
        String ns = e.getNamespaceURI();
        String tag = e.getLocalName();
        if (XHTML.equals(ns)) {
            if (!HTML_ELEMENTS.contains(tag)) {
                problems.add("unexpected HTML element <" + tag + ">");
            }
            Node parent = e.getParentNode();
            String p = parent instanceof Element ? ((Element) parent).getLocalName() : "";
            if ((tag.equals("td") || tag.equals("th")) && !p.equals("tr")) {
                problems.add("<" + tag + "> outside <tr>");
            }
            if (tag.equals("tr") && !p.equals("thead") && !p.equals("tbody")) {
                problems.add("<tr> outside <thead>/<tbody>");
            }
            if (tag.equals("li") && !p.equals("ul") && !p.equals("ol")) {
                problems.add("<li> outside a list");
            }
            if ((tag.equals("div") || tag.equals("ul") || tag.equals("ol") || tag.equals("table") || tag.equals("p"))
                    && (p.equals("p") || p.equals("span"))) {
                problems.add("block <" + tag + "> inside <" + p + ">");
            }
        } else if (SVG.equals(ns)) {
            if (!SVG_ELEMENTS.contains(tag)) {
                problems.add("unexpected SVG element <" + tag + ">");
            }
        } else {
            problems.add("element <" + tag + "> in namespace " + ns);
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            String a = attrs.item(i).getLocalName();
            if (a == null) {
                a = attrs.item(i).getNodeName();
            }
            if (a.equals("src") || a.equals("href") || a.startsWith("on")) {
                problems.add("attribute " + a + " on <" + tag + ">");
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                walk((Element) c, problems);
            }
        }
    }

    /** Every row of every section spans as many columns as the header (rowspan and colspan counted). */
    private static void table(Element table, int index, List<String> problems) {
        int columns = -1;
        for (Element section : children(table, x -> true)) {
            List<Element> rows = children(section, x -> x.getLocalName().equals("tr"));
            int[] carried = new int[64];
            for (int r = 0; r < rows.size(); r++) {
                int width = 0;
                int[] next = new int[64];
                int col = 0;
                for (Element cell : children(rows.get(r), x -> true)) {
                    while (col < 64 && carried[col] > 0) {
                        next[col] = carried[col] - 1;
                        col++;
                        width++;
                    }
                    int cs = span(cell, "colspan");
                    int rs = span(cell, "rowspan");
                    if (r + rs > rows.size()) {
                        problems.add("table " + index + " row " + r + ": rowspan " + rs + " runs past its section");
                    }
                    for (int k = 0; k < cs && col < 64; k++, col++) {
                        next[col] = rs - 1;
                    }
                    width += cs;
                }
                while (col < 64 && carried[col] > 0) {
                    next[col] = carried[col] - 1;
                    col++;
                    width++;
                }
                carried = next;
                if (columns < 0) {
                    columns = width;
                } else if (width != columns) {
                    problems.add("table " + index + " (" + table.getAttribute("class") + ") " + section.getLocalName()
                            + " row " + r + " spans " + width + " columns, the header " + columns);
                }
            }
        }
    }

    private static int span(Element cell, String attr) {
        String v = cell.getAttribute(attr);
        return v.isEmpty() ? 1 : Integer.parseInt(v);
    }

    private static List<Element> children(Element e, Predicate<Element> keep) {
        List<Element> out = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element && keep.test((Element) c)) {
                out.add((Element) c);
            }
        }
        return out;
    }

    private static Element first(Element e, String tag) {
        for (Element c : children(e, x -> x.getLocalName().equals(tag))) {
            return c;
        }
        return null;
    }

    /**
     * The text the renderer wrote itself: every text node except host text (inside class {@code t}) and, in
     * SVG, names drawn by the map and charts ({@code zone-label}, {@code risk-point-label}, {@code chart-x})
     * and tooltips ({@code <title>} inside a shape).
     */
    static List<String> libraryText(Document doc) {
        List<String> out = new ArrayList<>();
        collect(doc.getDocumentElement(), out);
        return out;
    }

    private static void collect(Element e, List<String> out) {
        String cls = " " + e.getAttribute("class") + " ";
        if (cls.contains(" t ") || cls.contains(" zone-label ") || cls.contains(" risk-point-label ")
                || cls.contains(" chart-x ") || cls.contains(" title ") || e.getLocalName().equals("style")
                || (SVG.equals(e.getNamespaceURI()) && e.getLocalName().equals("title"))
                || (XHTML.equals(e.getNamespaceURI()) && e.getLocalName().equals("title"))) {
            return;
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                collect((Element) c, out);
            } else if (c.getNodeType() == Node.TEXT_NODE && !c.getNodeValue().isBlank()) {
                out.add(c.getNodeValue());
            }
        }
    }

    /** Elements of a class, in document order. */
    static List<Element> byClass(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" " + cls + " ")) {
                out.add(e);
            }
        }
        return out;
    }
}
