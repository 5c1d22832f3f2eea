package dev.telemetrycdi.internal.batch;

import dev.telemetrycdi.internal.context.Fields;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JobXmlWithTelemetryTest {
    private static final String NS = "https://jakarta.ee/xml/ns/jakartaee";

    @Test
    void aJobWithoutListenersGetsTheModulesListenersAndTheSubmittersPropertiesInTheSchemasOrder() throws Exception {
        Document job = rewrite("""
                <job id="reportJob" xmlns="https://jakarta.ee/xml/ns/jakartaee" version="2.0">
                    <step id="summary" next="more"><batchlet ref="summaryBatchlet"/></step>
                    <flow id="more"><step id="lines">
                        <properties><property name="p" value="1"/></properties>
                        <chunk><reader ref="r"/><writer ref="w"/></chunk>
                    </step></flow>
                </job>""", Map.of("request.id", "req-1"));
        Element root = job.getDocumentElement();
        assertEquals(List.of("properties", "listeners", "step", "flow"), children(root));
        assertEquals(List.of("telemetryJobListener"), refs(root));
        Element property = (Element) root.getElementsByTagNameNS(NS, "property").item(0);
        assertEquals("request.id", property.getAttribute("name"));
        assertEquals("req-1", property.getAttribute("value"));
        NodeList steps = job.getElementsByTagNameNS(NS, "step");
        assertEquals(List.of("listeners", "batchlet"), children((Element) steps.item(0)));
        assertEquals(List.of("properties", "listeners", "chunk"), children((Element) steps.item(1)));
        assertEquals(List.of("telemetryStepListener"), refs((Element) steps.item(1)));
    }

    @Test
    void listenersAndPropertiesTheApplicationNamedAreKeptOnce() throws Exception {
        Document job = rewrite("""
                <job id="j" xmlns="https://jakarta.ee/xml/ns/jakartaee" version="2.0">
                    <properties><property name="request.id" value="own"/></properties>
                    <listeners><listener ref="audit"/><listener ref="telemetryJobListener"/></listeners>
                    <step id="s"><listeners><listener ref="telemetryStepListener"/></listeners>
                        <batchlet ref="b"/></step>
                </job>""", Map.of("request.id", "req-1", "user.id", "alice"));
        Element root = job.getDocumentElement();
        assertEquals(List.of("audit", "telemetryJobListener"), refs(root));
        NodeList properties = root.getElementsByTagNameNS(NS, "property");
        assertEquals("own", ((Element) properties.item(0)).getAttribute("value"));
        assertEquals("user.id", ((Element) properties.item(1)).getAttribute("name"));
        assertEquals(List.of("telemetryStepListener"),
                refs((Element) job.getElementsByTagNameNS(NS, "step").item(0)));
    }

    @Test
    void notAJobOrHostileXmlIsNotRewritten() throws Exception {
        assertNull(JobXmlWithTelemetry.rewrite(stream("<batch-artifacts/>"), Map.of()));
        assertThrows(Exception.class, () -> JobXmlWithTelemetry.rewrite(stream(
                "<!DOCTYPE job [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><job id=\"j\">&x;</job>"), Map.of()));
    }

    @Test
    void onlyPlainTextIdsBecomeProperties() {
        assertEquals(Map.of("request.id", "req-1"), TelemetryJobXmlResolver.submitter(
                Fields.of("request.id", "req-1", "user.id", "#{systemProperties['user.home']}", "labels", "x")));
    }

    private static Document rewrite(String xml, Map<String, String> properties) throws Exception {
        byte[] rewritten = JobXmlWithTelemetry.rewrite(stream(xml), properties);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(rewritten));
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> children(Element parent) {
        List<String> names = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    private static List<String> refs(Element owner) {
        List<String> refs = new ArrayList<>();
        NodeList nodes = owner.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && "listeners".equals(element.getLocalName())) {
                NodeList listeners = element.getElementsByTagNameNS(NS, "listener");
                for (int k = 0; k < listeners.getLength(); k++) {
                    refs.add(((Element) listeners.item(k)).getAttribute("ref"));
                }
            }
        }
        return refs;
    }
}
