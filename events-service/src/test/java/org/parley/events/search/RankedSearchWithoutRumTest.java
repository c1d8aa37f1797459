package org.parley.events.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(WithoutRum.class)
class RankedSearchWithoutRumTest extends RankedSearchContract {

    @Override
    boolean expectRum() {
        return false;
    }
}
