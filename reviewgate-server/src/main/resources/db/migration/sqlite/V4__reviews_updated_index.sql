-- The cluster poll fallback reads "reviews changed in the last seconds" once a second per instance.
CREATE INDEX reviews_updated ON reviews (updated_at);
