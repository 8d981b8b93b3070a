-- Reports between the form and the resident's final "send": the public site keeps what was typed and
-- the paths of stored photos here while it shows the preview, so the multi-step form works without
-- JavaScript or a session. Drafts hold contact details, so the form is wiped once sent and every draft
-- is purged after a day. sent_public_id stops a second click on "send" from storing the report twice:
-- it is '' while a send is running and the request number afterwards.
CREATE TABLE site_report_drafts (
    id              uuid PRIMARY KEY,
    jurisdiction_id text NOT NULL REFERENCES jurisdictions (id) ON DELETE CASCADE,
    service_code    text NOT NULL,
    form            jsonb NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_public_id  text
);
CREATE INDEX site_report_drafts_created_at ON site_report_drafts (created_at);

