//! The documentation pages items point at. One constant per page, so that a page's URL is
//! written once.

use crate::spec::Page;

pub static API_INTRO: Page = Page {
    key: "api",
    title: "API specification: URL forms and data types",
    url: "https://documentation.dnanexus.com/developer/api",
};

pub static PROTOCOLS: Page = Page {
    key: "protocols",
    title: "Protocols",
    url: "https://documentation.dnanexus.com/developer/api/protocols",
};

pub static AUTHENTICATION: Page = Page {
    key: "authentication",
    title: "Authentication",
    url: "https://documentation.dnanexus.com/developer/api/authentication",
};

pub static ENTITY_IDS: Page = Page {
    key: "entity-ids",
    title: "Entity IDs",
    url: "https://documentation.dnanexus.com/developer/api/entity-ids",
};

pub static NONCES: Page = Page {
    key: "nonces",
    title: "Nonces",
    url: "https://documentation.dnanexus.com/developer/api/nonces",
};

pub static LIFECYCLE: Page = Page {
    key: "lifecycle",
    title: "Data object lifecycle",
    url: "https://documentation.dnanexus.com/developer/api/data-object-lifecycle",
};

pub static DETAILS: Page = Page {
    key: "details",
    title: "Details and links",
    url: "https://documentation.dnanexus.com/developer/api/data-object-lifecycle/details-and-links",
};

pub static RECORDS: Page = Page {
    key: "records",
    title: "Records",
    url: "https://documentation.dnanexus.com/developer/api/introduction-to-data-object-classes/records",
};

pub static METADATA: Page = Page {
    key: "metadata",
    title: "Introduction to data object metadata",
    url: "https://documentation.dnanexus.com/developer/api/introduction-to-data-object-metadata",
};

pub static SEARCH: Page = Page {
    key: "search",
    title: "Search",
    url: "https://documentation.dnanexus.com/developer/api/search",
};

pub static SHARING: Page = Page {
    key: "sharing",
    title: "Project permissions and sharing",
    url: "https://documentation.dnanexus.com/developer/api/data-containers/project-permissions-and-sharing",
};
