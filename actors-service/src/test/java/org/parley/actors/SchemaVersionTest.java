package org.parley.actors;

import org.parley.common.schema.SchemaVersionContract;

class SchemaVersionTest extends SchemaVersionContract {
}
