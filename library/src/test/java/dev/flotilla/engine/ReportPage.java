package dev.flotilla.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A run report page read as a document, to ask it questions with XPath: the page as Flotilla
 * wrote it (well-formed XML by design), or as Chromium's DOM after it loaded the page.
 */
final class ReportPage {

    private final Path file;
    private final Document document;

    private ReportPage(Path file, Document document) {
        this.file = file;
        this.document = document;
    }

    /** The page as written. */
    static ReportPage read(Path file) throws Exception {
        return new ReportPage(file, parse(Files.readString(file)));
    }

    /**
     * The DOM Chromium serialized for the page at {@code file} (its {@code --dump-dom}): HTML, which
     * writes void elements unclosed and a no-break space as an entity, turned into XML for reading.
     */
    static ReportPage fromBrowser(Path file, String dom) throws Exception {
        String xml = dom.replaceAll("<(meta|br|hr|img|input|link|wbr)(\\b[^>]*?)/?>", "<$1$2/>").replace("&nbsp;", "&#160;");
        return new ReportPage(file, parse(xml));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** An XPath condition that an element has a CSS class. */
    static String hasClass(String cssClass) {
        return "contains(concat(' ', normalize-space(@class), ' '), ' " + cssClass + " ')";
    }

    /** The section of one instance. */
    Element section(InstanceRecord instance) throws XPathExpressionException {
        return section(instance.instanceId());
    }

    /** The section of the instance of that id. */
    Element section(String instanceId) throws XPathExpressionException {
        Element section = (Element) XPathFactory.newInstance().newXPath()
                .evaluate("//section[@id='instance-" + instanceId + "']", document, XPathConstants.NODE);
        if (section == null) {
            throw new AssertionError("no section for instance " + instanceId + " in " + file);
        }
        return section;
    }

    List<Element> all(String xpath) throws XPathExpressionException {
        return all(document, xpath);
    }

    static List<Element> all(Node context, String xpath) throws XPathExpressionException {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    static String text(Node context, String xpath) throws XPathExpressionException {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, context);
    }

    /** The file a relative link of the page points to. */
    Path target(Element link) {
        return file.getParent().resolve(URLDecoder.decode(link.getAttribute("href"), StandardCharsets.UTF_8)).normalize();
    }

    /** Every href and src attribute on the page. */
    List<String> references() throws XPathExpressionException {
        List<String> references = new ArrayList<>();
        for (Element element : all("//*[@href or @src]")) {
            for (String attribute : List.of("href", "src")) {
                if (element.hasAttribute(attribute)) {
                    references.add(element.getAttribute(attribute));
                }
            }
        }
        return references;
    }

    Document document() {
        return document;
    }

    String source() throws IOException {
        return Files.readString(file);
    }
}
