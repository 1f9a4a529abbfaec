//! Files (files page, <https://documentation.dnanexus.com/developer/api/introduction-to-data-object-classes/files>;
//! spec §8b): the data plane of the reference server.
//!
//! A file is a data object ([`super::store::Object`] with its [`data::FileData`]) whose
//! bytes arrive in parts: `/file/new` makes it open and empty, `/file-xxxx/upload` hands out
//! a URL per part, a PUT to that URL stores the part, `/file-xxxx/close` checks the parts
//! against the project's `fileUploadParameters` and fixes the content, and once the file
//! is `closed`, `/file-xxxx/download` hands out a URL whose GET returns the bytes, whole or
//! by range. Describe, the generic data-object methods, the folder routes, search and
//! clone treat files like any data object, with the file fields added by [`describe`].
//!
//! # Layout
//!
//! - [`data`]: what a file holds beyond a data object (media, parts, handed-out URLs);
//! - [`new`], [`upload`], [`close`], [`download`]: the API routes (rows in
//!   [`super::routes`]); [`describe`]: the file fields of every describe;
//!   [`parameters`]: `fileUploadParameters` for project and container describe;
//! - [`transfer`]: the PUT and GET endpoints, outside the JSON API; [`urls`]: the URLs and
//!   their credentials; [`blobs`]: where the bytes live, never behind the store's lock.

pub mod blobs;
pub mod close;
pub mod data;
pub mod describe;
pub mod download;
pub mod new;
pub mod parameters;
pub mod transfer;
pub mod upload;
pub mod urls;

pub use close::close;
pub use download::download;
pub use new::new;
pub use upload::upload;
