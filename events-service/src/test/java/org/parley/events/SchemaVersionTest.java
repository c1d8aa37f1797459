package org.parley.events;

import org.parley.common.schema.SchemaVersionContract;

class SchemaVersionTest extends SchemaVersionContract {
}
