//! Putting the converted schemas back where their stubs are, in the typed document.

use super::STUB;
use openapiv3::{
    Components, Header, MediaType, Operation, Parameter, ParameterSchemaOrContent, PathItem,
    ReferenceOr, RequestBody, Response, Schema,
};

/// The converted schemas, taken as their stubs are found.
pub(super) struct Back {
    pub schemas: Vec<Option<Schema>>,
    pub found: usize,
    /// A stub pointed past the table or was found a second time.
    pub wrong: bool,
}

impl Back {
    /// The schema a stub stands for.
    fn schema_for(&mut self, reference: &str) -> Option<Schema> {
        let index: usize = reference.strip_prefix(STUB)?.parse().ok()?;
        let Some(schema) = self.schemas.get_mut(index).and_then(Option::take) else {
            self.wrong = true;
            return None;
        };
        self.found += 1;
        Some(schema)
    }

    fn reference_or(&mut self, slot: &mut ReferenceOr<Schema>) {
        if let ReferenceOr::Reference { reference } = slot {
            if let Some(schema) = self.schema_for(reference) {
                *slot = ReferenceOr::Item(schema);
            }
        }
    }

    pub fn components(&mut self, components: &mut Components) {
        components
            .schemas
            .values_mut()
            .for_each(|s| self.reference_or(s));
        for response in components.responses.values_mut() {
            if let ReferenceOr::Item(response) = response {
                self.response(response);
            }
        }
        for parameter in components.parameters.values_mut() {
            if let ReferenceOr::Item(parameter) = parameter {
                self.parameter(parameter);
            }
        }
        for body in components.request_bodies.values_mut() {
            if let ReferenceOr::Item(body) = body {
                self.request_body(body);
            }
        }
        for header in components.headers.values_mut() {
            if let ReferenceOr::Item(header) = header {
                self.header(header);
            }
        }
        for callback in components.callbacks.values_mut() {
            if let ReferenceOr::Item(callback) = callback {
                callback.values_mut().for_each(|item| self.path_item(item));
            }
        }
    }

    pub fn path_item(&mut self, item: &mut PathItem) {
        self.parameters(&mut item.parameters);
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
        ];
        for operation in operations.into_iter().flatten() {
            self.operation(operation);
        }
    }

    fn parameters(&mut self, parameters: &mut [ReferenceOr<Parameter>]) {
        for parameter in parameters {
            if let ReferenceOr::Item(parameter) = parameter {
                self.parameter(parameter);
            }
        }
    }

    fn operation(&mut self, operation: &mut Operation) {
        self.parameters(&mut operation.parameters);
        if let Some(ReferenceOr::Item(body)) = &mut operation.request_body {
            self.request_body(body);
        }
        let responses = &mut operation.responses;
        for response in responses
            .default
            .iter_mut()
            .chain(responses.responses.values_mut())
        {
            if let ReferenceOr::Item(response) = response {
                self.response(response);
            }
        }
        for callback in operation.callbacks.values_mut() {
            callback.values_mut().for_each(|item| self.path_item(item));
        }
    }

    fn parameter(&mut self, parameter: &mut Parameter) {
        let data = match parameter {
            Parameter::Query { parameter_data, .. }
            | Parameter::Header { parameter_data, .. }
            | Parameter::Path { parameter_data, .. }
            | Parameter::Cookie { parameter_data, .. } => parameter_data,
        };
        self.format(&mut data.format);
    }

    fn header(&mut self, header: &mut Header) {
        self.format(&mut header.format);
    }

    fn format(&mut self, format: &mut ParameterSchemaOrContent) {
        match format {
            ParameterSchemaOrContent::Schema(schema) => self.reference_or(schema),
            ParameterSchemaOrContent::Content(content) => {
                content.values_mut().for_each(|m| self.media_type(m));
            }
        }
    }

    fn request_body(&mut self, body: &mut RequestBody) {
        body.content.values_mut().for_each(|m| self.media_type(m));
    }

    fn response(&mut self, response: &mut Response) {
        for header in response.headers.values_mut() {
            if let ReferenceOr::Item(header) = header {
                self.header(header);
            }
        }
        response
            .content
            .values_mut()
            .for_each(|m| self.media_type(m));
    }

    fn media_type(&mut self, media_type: &mut MediaType) {
        if let Some(schema) = &mut media_type.schema {
            self.reference_or(schema);
        }
        for encoding in media_type.encoding.values_mut() {
            for header in encoding.headers.values_mut() {
                if let ReferenceOr::Item(header) = header {
                    self.header(header);
                }
            }
        }
    }
}
