//! `fileUploadParameters`: the part rules of a project or container, which
//! `/project-xxxx/describe` and `/container-xxxx/describe` answer when asked
//! (`{"fields": {"fileUploadParameters": true}}`; dxpy sends it to the container in a job).
//!
//! All five keys are always there ([CLIENT] dxpy reads them with `[]`); the values are the
//! region's row ([`UploadParameters::of_region`]: `aws:*` and `azure:*`).

use serde_json::{Value, json};

use super::super::rules::UploadParameters;

/// The `fileUploadParameters` of a container in `region`.
pub fn upload_parameters(region: &str) -> Value {
    let p = UploadParameters::of_region(region);
    json!({
        "minimumPartSize": p.minimum_part_size,
        "maximumPartSize": p.maximum_part_size,
        "maximumFileSize": p.maximum_file_size,
        "maximumNumParts": p.maximum_num_parts,
        "emptyLastPartAllowed": p.empty_last_part_allowed,
    })
}
