package dev.telemetrycdi.internal.batch;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * A job XML as the application wrote it, plus what the module needs: {@code telemetryJobListener} in the job's
 * listeners, {@code telemetryStepListener} in every step's, and the given job-level properties (the starting
 * thread's {@code request.id}, {@code user.id}). A listener or property the XML already has is kept as it is; the
 * elements are added where the Job Specification Language's order puts them (properties, then listeners, first).
 *
 * <p>Internal API: may change without notice. Thread-safe (stateless).
 */
final class JobXmlWithTelemetry {
    static final String JOB_LISTENER = "telemetryJobListener";
    static final String STEP_LISTENER = "telemetryStepListener";

    private JobXmlWithTelemetry() {
    }

    /** The job XML read from {@code original} with the additions; null if it is not a job XML. */
    static byte[] rewrite(InputStream original, Map<String, String> properties) throws Exception {
        Document document = parser().parse(original);
        Element job = document.getDocumentElement();
        if (!"job".equals(job.getLocalName())) {
            return null;
        }
        properties.forEach((name, value) -> addProperty(job, name, value));
        addListener(job, JOB_LISTENER);
        NodeList steps = document.getElementsByTagNameNS(job.getNamespaceURI(), "step");
        for (int i = 0; i < steps.getLength(); i++) {
            addListener((Element) steps.item(i), STEP_LISTENER);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    private static void addProperty(Element job, String name, String value) {
        Element properties = child(job, "properties");
        if (properties == null) {
            properties = create(job, "properties");
            job.insertBefore(properties, firstElement(job));
        }
        for (Element property = firstElement(properties); property != null; property = nextElement(property)) {
            if (name.equals(property.getAttribute("name"))) {
                return; // the application's own value stays
            }
        }
        Element property = create(job, "property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
        properties.appendChild(property);
    }

    private static void addListener(Element owner, String ref) {
        Element listeners = child(owner, "listeners");
        if (listeners == null) {
            listeners = create(owner, "listeners");
            Element properties = child(owner, "properties");
            owner.insertBefore(listeners, properties != null ? nextElement(properties) : firstElement(owner));
        }
        for (Element listener = firstElement(listeners); listener != null; listener = nextElement(listener)) {
            if (ref.equals(listener.getAttribute("ref"))) {
                return;
            }
        }
        Element listener = create(owner, "listener");
        listener.setAttribute("ref", ref);
        listeners.appendChild(listener);
    }

    private static Element create(Element sibling, String name) {
        String namespace = sibling.getNamespaceURI();
        String prefix = sibling.getPrefix();
        return sibling.getOwnerDocument().createElementNS(namespace, prefix == null ? name : prefix + ":" + name);
    }

    private static Element child(Element parent, String localName) {
        for (Element child = firstElement(parent); child != null; child = nextElement(child)) {
            if (localName.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    private static Element firstElement(Node parent) {
        return element(parent.getFirstChild());
    }

    private static Element nextElement(Node node) {
        return element(node.getNextSibling());
    }

    private static Element element(Node node) {
        while (node != null && node.getNodeType() != Node.ELEMENT_NODE) {
            node = node.getNextSibling();
        }
        return (Element) node;
    }
}
