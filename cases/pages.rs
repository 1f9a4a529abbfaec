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

pub static TYPES: Page = Page {
    key: "types",
    title: "Types",
    url: "https://documentation.dnanexus.com/developer/api/data-object-lifecycle/types",
};

pub static VISIBILITY: Page = Page {
    key: "visibility",
    title: "Visibility",
    url: "https://documentation.dnanexus.com/developer/api/data-object-lifecycle/visibility",
};

pub static NAME: Page = Page {
    key: "name",
    title: "Data object metadata: name",
    url: "https://documentation.dnanexus.com/developer/api/introduction-to-data-object-metadata/name",
};

pub static PROPERTIES: Page = Page {
    key: "properties",
    title: "Data object metadata: properties",
    url: "https://documentation.dnanexus.com/developer/api/introduction-to-data-object-metadata/properties",
};

pub static TAGS: Page = Page {
    key: "tags",
    title: "Data object metadata: tags",
    url: "https://documentation.dnanexus.com/developer/api/introduction-to-data-object-metadata/tags",
};

pub static PROJECTS: Page = Page {
    key: "projects",
    title: "Projects",
    url: "https://documentation.dnanexus.com/developer/api/data-containers/projects",
};

pub static FOLDERS: Page = Page {
    key: "folders",
    title: "Folders and deletion",
    url: "https://documentation.dnanexus.com/developer/api/data-containers/folders-and-deletion",
};

pub static CLONING: Page = Page {
    key: "cloning",
    title: "Cloning",
    url: "https://documentation.dnanexus.com/developer/api/data-containers/cloning",
};

pub static CONTAINERS: Page = Page {
    key: "containers",
    title: "Containers for execution",
    url: "https://documentation.dnanexus.com/developer/api/running-analyses/containers-for-execution",
};

pub static SYSTEM_METHODS: Page = Page {
    key: "system",
    title: "System methods",
    url: "https://documentation.dnanexus.com/developer/api/system-methods",
};

pub static USERS: Page = Page {
    key: "users",
    title: "Users",
    url: "https://documentation.dnanexus.com/developer/api/users",
};

pub static FILES: Page = Page {
    key: "files",
    title: "Files",
    url: "https://documentation.dnanexus.com/developer/api/introduction-to-data-object-classes/files",
};
