package dev.telemetrycdi.internal.labels;

import static dev.telemetrycdi.internal.labels.FieldsAssert.assertFields;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.telemetrycdi.internal.context.Fields;

import java.util.List;

import org.junit.jupiter.api.Test;

/** WebSocket endpoint path templates, their parameters read from the handshake path by position. */
class LabelExtractorEndpointTest {
    private final LabelExtractor zeroConfig = new LabelExtractor(LabelRules.DEFAULT);

    @Test
    void parametersByPosition() {
        assertFields(zeroConfig.fromEndpoint("/ws/tournaments/{id}/draft/{draftId}", "/ws/tournaments/5/draft/12"),
                "labels", List.of("tournament", "draft"), "tournament.id", 5L, "draft.id", 12L);
        assertFields(zeroConfig.fromEndpoint("/chat/{room}", "/chat/lobby"), "labels", List.of("chat"),
                "chat.id", "lobby");
        assertFields(zeroConfig.fromEndpoint("/chat/{roomId}", "/chat/lobby"), "labels", List.of("room"),
                "room.id", "lobby");
        assertSame(Fields.EMPTY, zeroConfig.fromEndpoint("/echo", "/echo"));
    }

    @Test
    void theSampleTableUnderItsWebSocketPrefix() {
        LabelExtractor sample = new LabelExtractor(LabelRules.of("/ws", SampleLabels.RULES.resources(),
                SampleLabels.RULES.tags()));
        assertFields(sample.fromEndpoint("/ws/leagues/{id}/chat", "/ws/leagues/3/chat"),
                "labels", List.of("league"), "league.id", 3L);
        assertFields(sample.fromEndpoint("/ws/tournaments/{id}/draft/{draftId}", "/ws/tournaments/5/draft/12"),
                "labels", List.of("tournament", "draft"), "tournament.id", 5L, "draft.id", 12L);
    }

    @Test
    void hostileOrMissingSegmentsGiveNoId() {
        assertFields(zeroConfig.fromEndpoint("/ws/tournaments/{id}/draft/{draftId}",
                "/ws/tournaments/%24%7Bjndi:ldap:x%7D/draft/12"),
                "labels", List.of("tournament", "draft"), "draft.id", 12L);
        assertFields(zeroConfig.fromEndpoint("/ws/tournaments/{id}/draft/{draftId}", "/ws/tournaments/5"),
                "labels", List.of("tournament", "draft"), "tournament.id", 5L);
        assertFields(zeroConfig.fromEndpoint("/chat/{room}", "/chat/" + "x".repeat(100_000)),
                "labels", List.of("chat"));
        assertSame(Fields.EMPTY, zeroConfig.fromEndpoint(null, "/chat/x"));
        assertSame(Fields.EMPTY, zeroConfig.fromEndpoint("/chat/{room}", null));
    }
}
