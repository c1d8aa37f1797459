package org.parley.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Two WireMock servers on random ports standing in for actors-service and events-service; the gateway's
 * REST client URLs point at them. Tests get them injected with {@link Actors} / {@link Events}.
 */
public class WireMockBackends implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Actors {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Events {
    }

    private WireMockServer actors;
    private WireMockServer events;

    @Override
    public Map<String, String> start() {
        actors = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        events = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        actors.start();
        events.start();
        return Map.of(
                "quarkus.rest-client.actors.url", actors.baseUrl(),
                "quarkus.rest-client.events.url", events.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(actors, new TestInjector.AnnotatedAndMatchesType(Actors.class, WireMockServer.class));
        injector.injectIntoFields(events, new TestInjector.AnnotatedAndMatchesType(Events.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (actors != null) {
            actors.stop();
        }
        if (events != null) {
            events.stop();
        }
    }
}
