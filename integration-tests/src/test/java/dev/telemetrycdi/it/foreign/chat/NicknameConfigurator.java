package dev.telemetrycdi.it.foreign.chat;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/** The application's own configurator: keeps the caller's nickname (a query parameter) for the connection. */
public class NicknameConfigurator extends ServerEndpointConfig.Configurator {
    static final String NICKNAME = "nickname";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> nickname = request.getParameterMap().get(NICKNAME);
        config.getUserProperties().put(NICKNAME, nickname == null || nickname.isEmpty() ? "guest" : nickname.get(0));
    }
}
