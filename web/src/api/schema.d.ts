// Generated from docs/openapi.json by `npm run api:types` (scripts/openapi.ts); do not edit.
export interface paths {
    "/api/v1/attachments/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment by its id or the SHA-256 of its bytes (who may read the initiative it was uploaded for) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the attachment’s id, or the SHA-256 of its bytes */
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file’s bytes, with its media type and its name in Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/msword": string;
                        "application/pdf": string;
                        "application/vnd.ms-excel": string;
                        "application/vnd.ms-powerpoint": string;
                        "application/vnd.oasis.opendocument.presentation": string;
                        "application/vnd.oasis.opendocument.spreadsheet": string;
                        "application/vnd.oasis.opendocument.text": string;
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                        "image/gif": string;
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                        "text/csv": string;
                        "text/plain": string;
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description May not read the initiative the file was uploaded for */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such attachment */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The recorded actions, oldest or most recent first, filtered by record, actor, action and time
         * @description Roles: compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: {
                    entityType?: "initiative" | "complaint" | "policy" | "committee" | "calendar" | "report" | "workflow" | "person" | "im_channel" | "customer_notice" | "incident" | "target_proposal" | "pii_key" | "pii_access" | "improvement" | "meeting" | "erasure" | "legal_hold" | "survey" | "nps_campaign" | "follow_up" | "feedback";
                    entityId?: string;
                    actor?: string;
                    /** @description one action, or every action of a family: `complaint.` (ending in a dot) */
                    action?: string;
                    /** @description inclusive, ISO-8601 with offset */
                    from?: string;
                    /** @description exclusive, ISO-8601 with offset */
                    to?: string;
                    /** @description `asc`: oldest first; `desc`: the most recent first. One record (entityType + entityId) is in chain order (seq), anything else in recording order. */
                    order?: "asc" | "desc";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of audit events (customer PII masked); `Accept: text/csv` gives the page as CSV rows, the next cursor in `X-Next-Cursor` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditEventPage"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither JSON nor CSV is acceptable */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/pii-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The PII access log: who was handed which customers’ details in clear, which fields, why and when; and the flags raised to compliance
         * @description Roles: compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: {
                    /** @description who was handed the details (user id) */
                    actor?: string;
                    /** @description records naming this complaint */
                    complaintId?: string;
                    /** @description inclusive, ISO-8601 with offset */
                    from?: string;
                    /** @description exclusive, ISO-8601 with offset */
                    to?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of access records, oldest first (no customer details, only their references) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PiiAccessPage"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify one entity’s chain (entityType + entityId) or the whole trail with the latest checkpoint
         * @description Roles: compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: {
                    entityType?: "initiative" | "complaint" | "policy" | "committee" | "calendar" | "report" | "workflow" | "person" | "im_channel" | "customer_notice" | "incident" | "target_proposal" | "pii_key" | "pii_access" | "improvement" | "meeting" | "erasure" | "legal_hold" | "survey" | "nps_campaign" | "follow_up" | "feedback";
                    entityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The verification result; ok = false names the first broken event */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerification"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such entity in the trail */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/{entityType}/{entityId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One entity’s full record: events, workflow history (archived or live), verification; PII masked
         * @description Roles: compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entityType: "initiative" | "complaint" | "policy" | "committee" | "calendar" | "report" | "workflow" | "person" | "im_channel" | "customer_notice" | "incident" | "target_proposal" | "pii_key" | "pii_access" | "improvement" | "meeting" | "erasure" | "legal_hold" | "survey" | "nps_campaign" | "follow_up" | "feedback";
                    entityId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditExport"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No events and no workflow for this entity */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The business calendar: settings and overrides, the years with an official holiday schedule, the coverage of the days ahead and its warning
         * @description Roles: product_owner, cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calendar */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarDocument"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the calendar settings and overrides; processes already running keep the deadlines they have until they are recomputed (docs/calendar.md)
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["BusinessCalendar"];
                };
            };
            responses: {
                /** @description The calendar with the new settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarDocument"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One year’s official holiday schedule (package, imported or none), the overrides in it, and every imported version
         * @description Roles: product_owner, cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The year */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYear"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Import a year’s official holiday schedule (the State Council’s notice as data) as its next version; it replaces the package’s schedule for that year. Audited
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["YearImport"];
                };
            };
            responses: {
                /** @description The year with the imported schedule in force */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYear"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/committee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The UX Management Committee roster
         * @description Roles: admin, compliance_auditor, product_owner, supervisor
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The roster */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Committee"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the committee roster (exactly one chair); running reviews keep their snapshot
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Committee"];
                };
            };
            responses: {
                /** @description The new roster */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Committee"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List complaints, the most urgent first (or newest first with sort=received), with filters
         * @description Roles: cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "responded" | "transferred" | "awaiting_approval" | "resolved" | "awaiting_customer" | "reopened" | "in_appeal" | "closed";
                    severity?: "general" | "major" | "urgent";
                    category?: "service" | "product" | "system_technical" | "policy_process";
                    owner?: string;
                    breached?: "true" | "false";
                    initiativeId?: string;
                    /** @description a root cause (leaf) of the taxonomy */
                    rootCause?: string;
                    /** @description a group (first level) of the taxonomy */
                    rootCauseGroup?: string;
                    /** @description the product counted against (the root cause’s, else the linked one); `none` for none */
                    product?: string;
                    /** @description the first responder */
                    agent?: string;
                    /** @description the first responder’s team; `none` for none */
                    team?: string;
                    /** @description the accountable department: the one transferred to, else the first responder’s team; `none` for none */
                    department?: string;
                    /** @description received at or after: YYYY-MM-DD (local midnight in the calendar’s time zone) or an ISO-8601 instant with offset */
                    from?: string;
                    /** @description received before: same forms as `from` */
                    to?: string;
                    /** @description `urgency` (default): breached, at risk, other running deadlines, then none, soonest deadline first; `received`: newest first. A cursor continues the order it was written for. */
                    sort?: "urgency" | "received";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of complaints */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Take a complaint: starts its workflow, answers with its deadlines (Idempotency-Key: a retry returns the same complaint)
         * @description Roles: cs_agent
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintIntake"];
                };
            };
            responses: {
                /** @description The complaint, with its deadlines and repeat flag */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The process of this Idempotency-Key ended before it recorded anything: send a new key */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One complaint: status, owner, escalation level, clocks, breaches, transfers, responses, reopen count, repeat flag
         * @description Roles: cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The complaint */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lodge the customer’s appeal (reconsideration) after a reopen
         * @description Roles: cs_agent, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintAppeal"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/appeal/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide the appeal (upheld → new resolution; dismissed → closed)
         * @description Roles: supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintAppealDecision"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a callback (回访) on a closed complaint: the customer reached with CSAT, NPS and what could be better, or unreachable with the attempts; a detractor’s answer opens a follow-up (Idempotency-Key: a retry answers the first record)
         * @description Roles: cs_agent, business_handler, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CallbackRecord"];
                };
            };
            responses: {
                /** @description The answer recorded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyResponse"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A business handler of another department */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The complaint is not closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Correct the customer’s name, phone or id number, with a reason (the complaint’s own agent or a supervisor); recorded in the audit trail, masked
         * @description Roles: cs_agent, supervisor
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintCustomerUpdate"];
                };
            };
            responses: {
                /** @description The complaint with the customer’s details as now stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither the complaint’s own agent nor a supervisor */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/customer-feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the customer’s confirmation: satisfied closes, not satisfied reopens
         * @description Roles: cs_agent, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintFeedback"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/customer/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show the complaint’s customer in clear (the complaint’s own agent, or a supervisor with a reason); recorded in the PII access log before the answer
         * @description Roles: cs_agent, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintCustomerReveal"];
                };
            };
            responses: {
                /** @description The customer with the asked fields in clear */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintCustomerRevealed"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither the complaint’s own agent nor a supervisor */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint, or no customer record for it */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The customer’s details were erased, or no configured PII key opens them */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Escalate one level by hand
         * @description Roles: cs_agent, business_handler, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintReason"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The detractor follow-ups of a complaint, newest first
         * @description Roles: cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The follow-ups */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUpList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A business handler of another department */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause the clocks while waiting on the customer (capped by policy)
         * @description Roles: cs_agent, business_handler, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintReason"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reassign the complaint to another agent, with a reason (a supervisor, while an agent holds it); the new and the previous agent are notified; audited
         * @description Roles: supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintReassign"];
                };
            };
            responses: {
                /** @description The complaint, held by the agent it was reassigned to */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description The agent named is not an active agent of the staff directory, or already holds the complaint (`errors` names `body.toUserId`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a supervisor */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The complaint is closed, with a department after a transfer, or waits for a compensation approval (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/reclassified-as": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The feedback item a complaint was reclassified as, if any
         * @description Roles: cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The item (null when the complaint was not reclassified) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintFeedback"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/reclassify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The complaint was really an inquiry, a suggestion or praise (a supervisor, before any resolution): it closes with the reason and a link to the feedback item opened with the same intake facts (audited on both)
         * @description Roles: supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintReclassification"];
                };
            };
            responses: {
                /** @description The complaint’s id and the feedback item opened from it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintReclassified"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a supervisor */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A resolution was given already, the complaint is closed, its customer details can no longer be read, or the feedback item’s process ended before it recorded anything (log the contact as a new item) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The records around a complaint: the same customer’s other complaints (repeats marked) and the product it is about, by name
         * @description Roles: cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Related records (no customer details) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComplaintRelated"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Propose the resolution, naming its root cause (required when the root-cause policy says so); compensation above the policy limit waits for a supervisor
         * @description Roles: cs_agent, business_handler, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintResolution"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/resolution/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject a compensation above the limit (rejected → back to the handler)
         * @description Roles: supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintApproval"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The satisfaction answers about a complaint, by the customer’s link or an agent’s callback, newest first (verbatims masked)
         * @description Roles: cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyResponseList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A business handler of another department */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * Respond to the customer (the first response meets the first-response clock)
         * @description Roles: cs_agent, business_handler, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintResponse"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume the clocks
         * @description Roles: cs_agent, business_handler, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintResume"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/root-cause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct (or name) the complaint’s root cause, with a reason (a supervisor; also once closed); audited
         * @description Roles: supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintRootCauseCorrection"];
                };
            };
            responses: {
                /** @description The complaint with its corrected root cause */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/signoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee chair signs off a committee-level complaint (required to close it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintSignoff"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer to a business department (its own investigation deadline)
         * @description Roles: cs_agent, business_handler, supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ComplaintTransfer"];
                };
            };
            responses: {
                /** @description The complaint after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Complaint"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this complaint */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such complaint */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the complaint’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current departments’ display names (Chinese and English)
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The departments’ display names (Chinese and English) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DepartmentNames"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the departments’ display names (Chinese and English); processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["DepartmentNames"];
                };
            };
            responses: {
                /** @description The new departments’ display names (Chinese and English) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DepartmentNames"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign a 12-hour token for one demo user (embedded HS256 setup only; absent with an identity provider or NODE_ENV=production) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["DevTokenRequest"];
                };
            };
            responses: {
                /** @description The token and who it is for */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            user: components["schemas"]["DemoUser"];
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No demo user with that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The demo users a development token can be signed for (embedded HS256 setup only; absent with an identity provider or NODE_ENV=production) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The demo cast */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DemoUser"][];
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The staff directory behind the pickers: active people (names, departments, roles; no contact details) and the departments with their heads
         * @description Roles: product_owner, cs_agent, business_handler, supervisor, compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: {
                    /** @description only people holding this role */
                    role?: "product_owner" | "cs_agent" | "business_handler" | "supervisor" | "compliance_auditor" | "admin";
                    /** @description only people of this department */
                    department?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description People and departments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Directory"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Erasure requests, newest first
         * @description Roles: compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: {
                    status?: "requested" | "held" | "awaiting_approval" | "approved" | "completed" | "refused";
                    customerRef?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of erasure requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErasureList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Request the erasure of a customer’s personal data: it waits while the customer has an open complaint, an open appeal or a legal hold, then for a second compliance auditor’s approval
         * @description Roles: compliance_auditor, admin
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ErasureRequest"];
                };
            };
            responses: {
                /** @description The request, held or awaiting approval */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description cxgov holds no complaint of this customer */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An erasure of this customer is already running, or the process of this Idempotency-Key ended before it recorded anything (send a new key) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erasures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One erasure request: the customer’s complaints and their states, the holds, the decision and the proof
         * @description Roles: compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The erasure request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such erasure request */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erasures/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A compliance auditor other than the requester approves (the erasure executes now) or refuses (with a comment); audited
         * @description Roles: compliance_auditor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ErasureDecision"];
                };
            };
            responses: {
                /** @description The request after the decision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Erasure"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The requester themselves (four eyes) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such erasure request */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not awaiting approval (held, decided), or a hold arrived */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Feedback items (inquiries, suggestions, praise), newest first, by kind, status, channel, product team */
        get: {
            parameters: {
                query?: {
                    kind?: "inquiry" | "suggestion" | "praise";
                    status?: "open" | "answered" | "routed" | "responded" | "credited" | "archived" | "reclassified";
                    channel?: "hotline" | "online_chat" | "app" | "email" | "social_media" | "branch" | "suggestion_box" | "survey" | "regulator_referral";
                    department?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedbackList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Log an inquiry, a suggestion or praise from a customer contact, with the complaint intake’s fields and rules (Idempotency-Key: a retry returns the same item)
         * @description Roles: cs_agent
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackIntake"];
                };
            };
            responses: {
                /** @description The item logged (an inquiry with its first-response target) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The process of this Idempotency-Key ended before it recorded anything: send a new key */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One feedback item: its intake, first-response target (inquiry), routing and response (suggestion), credit (praise), links and reclassification */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader nor involved */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the answer to an inquiry (meets its first-response target) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackAnswer"];
                };
            };
            responses: {
                /** @description The item after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description The command’s content breaks a rule (a department, person or initiative not found) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this item */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the item’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive the item (an inquiry answered, a suggestion responded to, praise acknowledged) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackArchive"];
                };
            };
            responses: {
                /** @description The item after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description The command’s content breaks a rule (a department, person or initiative not found) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this item */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the item’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Credit praise to a staff member or a branch / department of the directory */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackCredit"];
                };
            };
            responses: {
                /** @description The item after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description The command’s content breaks a rule (a department, person or initiative not found) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this item */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the item’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a suggestion to an initiative */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackLink"];
                };
            };
            responses: {
                /** @description The item after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description The command’s content breaks a rule (a department, person or initiative not found) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this item */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the item’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}/reclassify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The item was really a complaint: open a complaint with the same intake facts and end the item `reclassified` pointing at it, with the reason (audited on both) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackReclassification"];
                };
            };
            responses: {
                /** @description The item, reclassified, naming the complaint */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither the agent who logged it nor a supervisor */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The item has ended, its customer details can no longer be read, or the complaint’s process ended before it recorded anything (take the contact as a new complaint) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}/respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the product team’s response to a suggestion (the routed department, the initiative’s owner, or a supervisor) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackTeamResponse"];
                };
            };
            responses: {
                /** @description The item after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description The command’s content breaks a rule (a department, person or initiative not found) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this item */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the item’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/{id}/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Route a suggestion to its owning product team (a department of the directory; optionally the initiative it is about) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackRouting"];
                };
            };
            responses: {
                /** @description The item after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feedback"];
                    };
                };
                /** @description The command’s content breaks a rule (a department, person or initiative not found) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this item */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such item */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the item’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/follow-ups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One detractor follow-up: the answer (scores, masked verbatim), the complaint, the supervisors, the deadline and the outcome */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The follow-up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUp"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a supervisor, an auditor, an admin nor the department head it reached */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such follow-up */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/follow-ups/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record what came of a detractor follow-up (a supervisor); it closes it
         * @description Roles: supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FollowUpOutcome"];
                };
            };
            responses: {
                /** @description The follow-up, closed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUp"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such follow-up */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The follow-up is closed already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The improvement board: actions by status, owner department, source, overdue; overdue first, then by due date */
        get: {
            parameters: {
                query?: {
                    status?: "in_progress" | "awaiting_verification" | "closed";
                    ownerDepartment?: string;
                    source?: "committee" | "post_launch_review" | "hot_issue" | "incident" | "audit_finding" | "detractor_trend" | "supervisor" | "suggestion";
                    overdue?: "true" | "false";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The actions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Raise an improvement action from a source (Idempotency-Key: a retry returns the same action; one source raises one action) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImprovementRaise"];
                };
            };
            responses: {
                /** @description The action raised (or the one this source raised before) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller may not raise an action from this source */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An action from this source ran in Temporal but this database has no record of it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/linked/{entityType}/{entityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The actions about a complaint, an initiative (also those raised from its post-launch review) or an incident */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entityType: "complaint" | "initiative" | "incident";
                    entityId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The actions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such complaint, initiative or incident */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who may own an action: the active people of the directory (user id, name, department), for the raise form’s picker */
        get: {
            parameters: {
                query?: {
                    department?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The people */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementOwners"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller may raise no action */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One action: its source, owner, plan, due date, progress with evidence, completions, verifications and effectiveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader nor involved in the action */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such action */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the action done with at least one evidence link (the owner); it waits for verification */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImprovementCompletion"];
                };
            };
            responses: {
                /** @description The action after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this action */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such action */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the action’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report progress with evidence links (the owner) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImprovementProgress"];
                };
            };
            responses: {
                /** @description The action after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this action */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such action */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the action’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/{id}/send-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the action back to its owner with a reason and a new due date (the verifier) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImprovementSendBack"];
                };
            };
            responses: {
                /** @description The action after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this action */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such action */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the action’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvements/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the action and close it (the verifier); its effectiveness is checked a policy period later */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImprovementVerification"];
                };
            };
            responses: {
                /** @description The action after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Improvement"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this action */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such action */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the action’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents raised by the spike watcher, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "assigned" | "responding" | "closed";
                    dimension?: "product" | "rootCause" | "channel";
                    owner?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of incidents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident: its spike, linked complaints, response owner, plan, review and the deadline of each step */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The incident */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader nor its response owner */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such incident */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The complaints linked to an incident, in the order they were linked (every one, a page at a time) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of linked complaints */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentComplaintList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader nor its response owner */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such incident */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Name (or replace) the response owner; the first one ends the owner step and starts the plan’s deadline
         * @description Roles: supervisor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["IncidentOwnerAssignment"];
                };
            };
            responses: {
                /** @description The incident after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this incident */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such incident */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the incident’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit (or revise) the response plan; the first one starts the post-incident review’s deadline */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["IncidentPlan"];
                };
            };
            responses: {
                /** @description The incident after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this incident */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such incident */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the incident’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the post-incident review with its findings; closes the incident */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["IncidentReview"];
                };
            };
            responses: {
                /** @description The incident after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller on this incident */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such incident */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the incident’s current status (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List initiatives, newest first, optionally by stage and status (product_owner, supervisor, compliance_auditor, admin or committee members) */
        get: {
            parameters: {
                query?: {
                    stage?: "research" | "design" | "prototype_testing" | "launch_assessment" | "launched";
                    status?: "in_progress" | "in_review" | "changes_requested" | "launched" | "rejected" | "withdrawn";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of initiatives */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InitiativePage"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * Create an initiative (a new product or an upgrade); it starts at research, in progress
         * @description Roles: product_owner
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CreateInitiative"];
                };
            };
            responses: {
                /** @description The created initiative */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Initiative"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The process of this Idempotency-Key ended before it recorded anything: send a new key */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One initiative: stage, status, the open or escalated review with votes, recusals, quorum and deadline, and every past review (product_owner, supervisor, compliance_auditor, admin or committee members) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The initiative */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Initiative"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file for the deliverables (the body is the file, with its Content-Type; the name in ?name=). The same bytes again answer the same attachment. A product owner of the initiative’s team
         * @description Roles: product_owner
         */
        post: {
            parameters: {
                query: {
                    /** @description the file’s name, as shown and offered on download (e.g. research-report.pdf) */
                    name: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description The file’s bytes; Content-Type is its media type (PDF, Office and OpenDocument documents, PNG/JPEG/GIF/WebP images, CSV or plain text) */
            requestBody: {
                content: {
                    "application/msword": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.ms-powerpoint": string;
                    "application/vnd.oasis.opendocument.presentation": string;
                    "application/vnd.oasis.opendocument.spreadsheet": string;
                    "application/vnd.oasis.opendocument.text": string;
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/gif": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "text/csv": string;
                    "text/plain": string;
                };
            };
            responses: {
                /** @description The same bytes were uploaded for this initiative before: that attachment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description The stored attachment */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a product owner of the initiative’s team */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The initiative has ended */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The file is larger than ATTACHMENT_MAX_BYTES */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A media type outside the accepted list */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/review/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The chair extends an escalated review’s window, once; the committee may vote again until the new deadline */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ExtendReview"];
                };
            };
            responses: {
                /** @description The reopened review with its new deadline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not the review’s chair */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The review has not escalated, was already extended once, or is closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/review/signoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The chair signs the decision off (with the committee’s outcome, or overriding it with a reason) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SignOff"];
                };
            };
            responses: {
                /** @description The decided review and the initiative’s new stage and status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignOffResult"];
                    };
                };
                /** @description An override without a reason */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not the review’s chair, or the chair owns/submitted the initiative */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Quorum not met (unless escalated), a launch score under threshold, a decision differing from the committee without override, or no review open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/review/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vote on (or revise a vote on) the open review; committee members of the review’s roster snapshot, not recused */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Vote"];
                };
            };
            responses: {
                /** @description The review with every vote and revision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a member of the review’s committee, or recused */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No review open: decided, withdrawn or never submitted */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit the current stage’s deliverables; opens a gate review (product owner of the initiative’s team)
         * @description Roles: product_owner
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            responses: {
                /** @description The opened review */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a product owner of the initiative’s team */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not the current stage, a review is already open, or the initiative has ended */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/voice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product’s NPS (with its 95 % interval) and its complaints, month by month over the last twelve months (the readers of the initiative) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Months with answers or complaints, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductVoice"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw the initiative before a gate is decided (its owner or a product owner of its team)
         * @description Roles: product_owner
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["Withdraw"];
                };
            };
            responses: {
                /** @description The withdrawn initiative */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Initiative"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not the owner nor a product owner of the initiative’s team */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such initiative */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The initiative has already ended */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Legal holds, newest first (a hold not lifted stops every erasure of its customer)
         * @description Roles: compliance_auditor, admin
         */
        get: {
            parameters: {
                query?: {
                    customerRef?: string;
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The legal holds */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegalHoldList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Set a legal hold on a customer’s personal data, with a reason; audited
         * @description Roles: compliance_auditor
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["LegalHoldRequest"];
                };
            };
            responses: {
                /** @description The hold */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegalHold"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-holds/{id}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift a legal hold, with a reason; audited. The customer’s held erasures look at their holds again at once
         * @description Roles: compliance_auditor
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["LegalHoldLift"];
                };
            };
            responses: {
                /** @description The lifted hold */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LegalHold"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such hold */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Already lifted */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Committee meetings, newest month first (of one month when given) */
        get: {
            parameters: {
                query?: {
                    month?: string;
                    status?: "in_session" | "minutes_ready" | "signed";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The meetings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a committee member, admin nor compliance auditor */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The chair convenes an extra meeting of the month (meeting-<yyyy-mm>-extra-<n>); its agenda is assembled from the data */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ExtraMeeting"];
                };
            };
            responses: {
                /** @description The convened meeting */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not the committee chair */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No free extra meeting number (retry) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One meeting: its agenda with the facts of each item, attendance, quorum, decisions and minutes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The meeting */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a reader */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such meeting */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record attendance: a member for themself, or the chair for a member */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MeetingAttendance"];
                };
            };
            responses: {
                /** @description The meeting after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description The command breaks a rule (named in `detail`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller (not a member, not the chair, recused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such meeting */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the meeting’s current state (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide an agenda item (the chair, present, with the item’s quorum): noted, raise an improvement action, approve or refuse a target change, continue / fix / withdraw a launched product */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MeetingDecision"];
                };
            };
            responses: {
                /** @description The meeting after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description The command breaks a rule (named in `detail`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller (not a member, not the chair, recused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such meeting */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the meeting’s current state (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The chair adds an agenda item */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MeetingAgendaItem"];
                };
            };
            responses: {
                /** @description The meeting after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description The command breaks a rule (named in `detail`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller (not a member, not the chair, recused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such meeting */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the meeting’s current state (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The minutes as a printable HTML document (signed or not: the document says which) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/html */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a reader */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such meeting */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/minutes/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The chair signs the minutes once every item is decided (confirm: true); ends the meeting */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MinutesSignature"];
                };
            };
            responses: {
                /** @description The meeting after the command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description The command breaks a rule (named in `detail`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not allowed for this caller (not a member, not the chair, recused) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such meeting */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not allowed in the meeting’s current state (named in `detail`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first (cursor paging), with my unread count */
        get: {
            parameters: {
                query?: {
                    unread?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of my notifications */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPage"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/im-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The IM group channels (secrets are never shown)
         * @description Roles: admin
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The channels */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ImChannel"][];
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/im-channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace the IM group channel of a department or of the committee (audited, secret sealed)
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImChannelInput"];
                };
            };
            responses: {
                /** @description The channel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImChannel"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The department (or committee) has another channel */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries newest first: `status=dead` is the dead-letter list
         * @description Roles: admin
         */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "sent" | "dead" | "skipped";
                    channel?: "email" | "im" | "customer";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationDeliveryPage"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/outbox/{id}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead-lettered or skipped delivery again (attempts counted afresh)
         * @description Roles: admin
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The delivery, pending again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationDelivery"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such delivery */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The delivery is pending or sent */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My language and how notices reach me */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description My settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Change my language or how notices reach me (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesChange"];
                };
            };
            responses: {
                /** @description My settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description How many were marked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationsMarkedRead"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The routing table: per event type, who else hears of it and by which channels
         * @description Roles: admin, compliance_auditor, supervisor
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The routing table */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationRoutingTable"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the routing table (audited); notices routed from now on follow it
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["NotificationRoutingTable"];
                };
            };
            responses: {
                /** @description The new routing table */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationRoutingTable"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications are unread (the bell) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description My unread count */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnreadCount"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read (reading again keeps the first time) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The notification */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such notification of mine */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The directory of people, by user id
         * @description Roles: admin
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the directory */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PeoplePage"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace one person of the directory (audited)
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PersonInput"];
                };
            };
            responses: {
                /** @description The person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current personal-data retention and erasure policy
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The personal-data retention and erasure policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErasurePolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the personal-data retention and erasure policy; processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ErasurePolicy"];
                };
            };
            responses: {
                /** @description The new personal-data retention and erasure policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErasurePolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current feedback policy (an inquiry’s first-response target)
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The feedback policy (an inquiry’s first-response target) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedbackPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the feedback policy (an inquiry’s first-response target); processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedbackPolicy"];
                };
            };
            responses: {
                /** @description The new feedback policy (an inquiry’s first-response target) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedbackPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current detractor follow-up policy (deadline and reminder)
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The detractor follow-up policy (deadline and reminder) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUpPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the detractor follow-up policy (deadline and reminder); processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FollowUpPolicy"];
                };
            };
            responses: {
                /** @description The new detractor follow-up policy (deadline and reminder) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUpPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/improvements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current improvement action policy (reminders, escalation, effectiveness check)
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The improvement action policy (reminders, escalation, effectiveness check) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the improvement action policy (reminders, escalation, effectiveness check); processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImprovementPolicy"];
                };
            };
            responses: {
                /** @description The new improvement action policy (reminders, escalation, effectiveness check) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImprovementPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current incident policy (spike thresholds, step deadlines)
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The incident policy (spike thresholds, step deadlines) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the incident policy (spike thresholds, step deadlines); processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["IncidentPolicy"];
                };
            };
            responses: {
                /** @description The new incident policy (spike thresholds, step deadlines) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current committee meeting policy (minutes reminder and escalation)
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The committee meeting policy (minutes reminder and escalation) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the committee meeting policy (minutes reminder and escalation); processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MeetingPolicy"];
                };
            };
            responses: {
                /** @description The new committee meeting policy (minutes reminder and escalation) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current gate review policy
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The gate review policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the gate review policy; processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReviewPolicy"];
                };
            };
            responses: {
                /** @description The new gate review policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/root-causes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current root-cause taxonomy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The root-cause taxonomy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RootCausePolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the root-cause taxonomy; processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RootCausePolicy"];
                };
            };
            responses: {
                /** @description The new root-cause taxonomy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RootCausePolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current complaint SLA policy
         * @description Roles: admin, compliance_auditor, supervisor, product_owner, cs_agent, business_handler
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The complaint SLA policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlaPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the complaint SLA policy; processes already running keep the one they started with
         * @description Roles: admin
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SlaPolicy"];
                };
            };
            responses: {
                /** @description The new complaint SLA policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlaPolicy"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The KPI targets in force (changed only by an approved proposal) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The targets and their version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetsInForce"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/surveys/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the survey page shows for a one-time link: the complaint number, the survey’s kind and until when it can be answered (no sign-in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The one-time link’s signed token, as the customer’s message carries it */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The survey the link opens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicSurvey"];
                    };
                };
                /** @description The link is malformed (code survey_link_invalid) or the answer is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
                /** @description The link was not issued by cxgov or was altered (code survey_link_invalid) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
                /** @description The survey was already answered through this link (code survey_link_used) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
                /** @description The link has expired (code survey_link_expired) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
            };
        };
        put?: never;
        /** Answer the survey through its one-time link: CSAT 1–5, NPS 0–10 and what could be better (no sign-in; the link works once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The one-time link’s signed token, as the customer’s message carries it */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SurveyAnswer"];
                };
            };
            responses: {
                /** @description The answer is stored; the link is used up */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyAnswered"];
                    };
                };
                /** @description The link is malformed (code survey_link_invalid) or the answer is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
                /** @description The link was not issued by cxgov or was altered (code survey_link_invalid) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
                /** @description The survey was already answered through this link (code survey_link_used) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
                /** @description The link has expired (code survey_link_expired) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyLinkProblem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored reports of one kind, newest period first (figures not included) */
        get: {
            parameters: {
                query: {
                    kind: "monthly" | "weekly";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of stored reports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReportSummary"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role (compliance_auditor, supervisor, admin) nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/hot-issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hot issues of [from, to): top root causes, categories and products, against the previous period of equal length, with repeat shares and the worst on-time rates */
        get: {
            parameters: {
                query: {
                    /** @description start (inclusive): YYYY-MM-DD (local midnight in the calendar’s time zone) or an ISO-8601 instant with offset */
                    from: string;
                    /** @description end (exclusive): same forms as `from` */
                    to: string;
                    /** @description items per list (default 10) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The hot issues of the period */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HotIssues"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role (compliance_auditor, supervisor, admin) nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaint and gate KPIs of [from, to): dates are local midnights in the calendar’s time zone, instants need an offset */
        get: {
            parameters: {
                query: {
                    /** @description start (inclusive): YYYY-MM-DD (local midnight in the calendar’s time zone) or an ISO-8601 instant with offset */
                    from: string;
                    /** @description end (exclusive): same forms as `from` */
                    to: string;
                    /** @description the accountable KPIs of this kind of unit only (default: all three) */
                    groupBy?: "department" | "team" | "agent";
                    /** @description drill-down: the accountable KPIs of the complaints of this department only */
                    department?: string;
                    /** @description drill-down: the accountable KPIs of the complaints of this team only */
                    team?: string;
                    /** @description only the complaints counting against this product (initiative id) and its gate reviews; a product owner may ask for their own products only (403 otherwise) */
                    product?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The KPIs of the period and the targets in force; the accountable KPIs per department, team and agent for the full readers only (docs/reports.md "Who reads what") */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KpiReport"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No staff role nor a committee seat, or a product owner asking for a product not theirs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/monthly/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored monthly report of one period (yyyy-mm); `Accept: text/csv` gives metric,dimension,value lines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored report (JSON, or text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role (compliance_auditor, supervisor, admin) nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No report stored for this period (POST …/regenerate makes one) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Neither JSON nor CSV is acceptable */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The products (initiatives, id and name) the caller may filter the KPIs by: a product owner’s own, every one for the other readers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The products, by name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportProducts"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No staff role nor a committee seat, or a product owner asking for a product not theirs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/weekly/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored weekly report of one period (yyyy-Www, ISO week); `Accept: text/csv` gives metric,dimension,value lines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored report (JSON, or text/csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither a reader role (compliance_auditor, supervisor, admin) nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No report stored for this period (POST …/regenerate makes one) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Neither JSON nor CSV is acceptable */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{kind}/{period}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate (or replace) the stored report of a past period now, through the report workflow; audited
         * @description Roles: supervisor, admin
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    kind: "monthly" | "weekly";
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The period has not ended yet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Proposals to change the KPI targets, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected" | "lapsed";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of proposals */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetProposalList"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither admin, supervisor, compliance_auditor nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * Propose new KPI targets: they take effect only when the committee’s chair approves them within the review window
         * @description Roles: admin
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["TargetProposalRequest"];
                };
            };
            responses: {
                /** @description The proposal, waiting for the chair */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetProposal"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The roster has no chair, or the process of this Idempotency-Key ended before it recorded anything (send a new key) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One proposal: the targets, what would change, who decides by when, the decision */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The proposal */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetProposal"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither admin, supervisor, compliance_auditor nor a committee member */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such proposal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/proposals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The committee chair approves (the targets take effect now) or rejects the proposal; audited */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["TargetDecision"];
                };
            };
            responses: {
                /** @description The decided proposal */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetProposal"];
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not the chair the proposal snapshotted, or the chair’s own proposal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No such proposal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Already decided or lapsed, or the targets changed since */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What waits on the caller, the most urgent first: votes, sign-offs, deliverables and rework, complaints, approvals, appeals, a missing holiday schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller’s tasks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Task"][];
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Attachment: {
            id: string;
            mediaType: string;
            name: string;
            /** @description SHA-256 of the stored bytes, computed by the server (lower-case hexadecimal) */
            sha256: string;
            /** @description bytes */
            size: number;
            uploadedAt: string;
            uploadedBy: {
                name: string;
                userId: string;
            };
            /** @description the download URL (GET /api/v1/attachments/{id}); put it with the sha256 into the deliverables’ attachments */
            uri: string;
        };
        /** @description A recorded action. `hash` = sha256 (hex) of the RFC 8785 canonical JSON of { entityType, entityId, seq, actor, roles, action, at, before, after, reason, prevHash } (absent fields as null), computed over the unmasked values; customer PII is masked here. */
        AuditEvent: {
            action: string;
            actor: string;
            after?: unknown;
            at: string;
            before?: unknown;
            entityId: string;
            /** @enum {string} */
            entityType: "initiative" | "complaint" | "policy" | "committee" | "calendar" | "report" | "workflow" | "person" | "im_channel" | "customer_notice" | "incident" | "target_proposal" | "pii_key" | "pii_access" | "improvement" | "meeting" | "erasure" | "legal_hold" | "survey" | "nps_campaign" | "follow_up" | "feedback";
            hash: string;
            id: string;
            prevHash: string | null;
            reason?: string;
            roles: string[];
            seq: number;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEvent"][];
            nextCursor: string | null;
        };
        AuditExport: {
            entityId: string;
            entityType: string;
            events: components["schemas"]["AuditEvent"][];
            exportedAt: string;
            /** @description The Temporal event history (JSON as Temporal’s tools write it: `events`) of the newest run — archived once closed, live while running — with earlier runs in `previousRuns`; null for entities without a workflow (policy, committee, calendar). */
            history: {
                closedAt: string | null;
                eventCount: number;
                events: unknown[];
                previousRuns: unknown[];
                runId: string;
                sha256?: string;
                /** @enum {string} */
                source: "archive" | "live";
                status: string;
                verified?: boolean;
                workflowId: string;
            } | null;
            masking: string;
            verification: components["schemas"]["AuditVerification"];
        };
        AuditVerification: {
            /** @description Every archived workflow history against the sha256 and event count the audit trail recorded when it was archived (whole-trail verification only) */
            archives?: {
                broken: {
                    detail: string;
                    firstBrokenAt: string;
                    /** @enum {string} */
                    reason: "archive_altered" | "archive_unrecorded" | "archive_missing";
                    runId: string;
                    workflowId: string;
                }[];
                /** @description archived histories verified */
                checked: number;
                ok: boolean;
            };
            broken?: {
                checked: number;
                detail?: string;
                entityId: string;
                entityType: string;
                eventId?: string;
                /** @description `<entityType>/<entityId>#<seq>`: the position of the first broken event in its chain (a deleted event keeps its position); `checkpoint#<id>` for a checkpoint; `archive:<workflowId>/<runId>` for an archived history */
                firstBrokenAt?: string;
                ok: boolean;
                reason?: string;
            }[];
            brokenCount?: number;
            /** @description events verified */
            checked: number;
            checkpoint?: unknown;
            detail?: string;
            entities?: number;
            /** @description `<entityType>/<entityId>#<seq>`: the position of the first broken event in its chain (a deleted event keeps its position); `checkpoint#<id>` for a checkpoint; `archive:<workflowId>/<runId>` for an archived history */
            firstBrokenAt?: string;
            ok: boolean;
            reason?: string;
        };
        BusinessCalendar: {
            endOfBusinessDay: string;
            extraHolidays: string[];
            extraWorkdays: string[];
            timeZone: string;
        };
        CalendarCoverage: {
            horizon: {
                days: number;
                provisionalDays: number;
                until: string;
            };
            /** @description every day from today to the end of this year has an official schedule */
            lastCoveredYear: number;
            /** @description the first day on or after today without official data: from there deadlines count Monday–Friday and are provisional */
            provisionalFrom: string;
            /** @description the local date (calendar zone) the coverage is for */
            today: string;
        };
        /** @description PUT /calendar takes the first four fields; the others are computed */
        CalendarDocument: {
            coverage: components["schemas"]["CalendarCoverage"];
            endOfBusinessDay: string;
            /** @description the institution’s override: non-working dates */
            extraHolidays: string[];
            /** @description the institution’s override: working dates */
            extraWorkdays: string[];
            timeZone: string;
            warning: components["schemas"]["CalendarWarning"];
            /** @description every year with an official schedule: from the chinese-days package, or imported (an import wins) */
            years: components["schemas"]["CalendarYearSummary"][];
        };
        CalendarWarning: {
            firstProvisionalDay: string;
            message: string;
            /** @description the years to import, soonest first */
            missingYears: number[];
            reasons: ("next_year_missing" | "provisional_days_ahead")[];
        } | null;
        CalendarYear: {
            /** @description every imported version, newest first */
            history: {
                holidays: {
                    englishName?: string;
                    from: string;
                    name: string;
                    to: string;
                }[];
                importedAt: string;
                importedBy: string;
                source: string;
                version: number;
                workdays: string[];
            }[];
            holidays: {
                englishName?: string;
                from: string;
                name: string;
                to: string;
            }[];
            importedAt: string | null;
            importedBy: string | null;
            /**
             * @description none: no official schedule; its days are provisional (Monday–Friday)
             * @enum {string}
             */
            origin: "package" | "imported" | "none";
            /** @description the institution’s overrides falling in this year */
            overrides: {
                extraHolidays: string[];
                extraWorkdays: string[];
            };
            source: string | null;
            version: number | null;
            workdays: string[];
            year: number;
        };
        CalendarYearSummary: {
            importedAt?: string;
            importedBy?: string;
            /** @enum {string} */
            origin: "package" | "imported";
            source: string;
            version?: number;
            year: number;
        };
        /** @description A callback (回访) on a closed complaint: the customer reached with their scores, or unreachable after some attempts */
        CallbackRecord: {
            /** @description satisfaction, 1 (very dissatisfied) … 5 (very satisfied) */
            csat: number;
            /** @description how likely to recommend us, 0 … 10 */
            nps: number;
            /** @enum {boolean} */
            reached: true;
            /** @description what could be better, in the customer’s words (personal numbers are masked) */
            verbatim?: string;
        } | {
            /** @description how many calls went unanswered */
            attempts: number;
            /** @enum {boolean} */
            reached: false;
        };
        Committee: {
            members: {
                chair: boolean;
                department: string;
                name: string;
                userId: string;
            }[];
        };
        Complaint: {
            agentId: string;
            /** @description the first responder’s team (their department at intake) */
            agentTeam: string | null;
            appeals: {
                at: string;
                by: string;
                decision?: {
                    at: string;
                    by: string;
                    decision: string;
                    upheld: boolean;
                };
                reason: string;
            }[];
            breaches: {
                at: string;
                clock: string;
                level: number;
                window: number;
            }[];
            /** @enum {string} */
            category: "service" | "product" | "system_technical" | "policy_process";
            /** @description the committee chair, who signs off a complaint escalated to the committee */
            chairUserId: string | null;
            /** @enum {string} */
            channel: "hotline" | "online_chat" | "app" | "email" | "social_media" | "branch" | "suggestion_box" | "survey" | "regulator_referral";
            clocks: {
                appeal?: {
                    breachedAt?: string;
                    deadline: string;
                    metAt?: string;
                    /** @description The deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md) */
                    provisional: boolean;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached" | "paused";
                };
                customerFeedback?: {
                    breachedAt?: string;
                    deadline: string;
                    metAt?: string;
                    /** @description The deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md) */
                    provisional: boolean;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached" | "paused";
                };
                firstResponse: {
                    breachedAt?: string;
                    deadline: string;
                    metAt?: string;
                    /** @description The deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md) */
                    provisional: boolean;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached" | "paused";
                };
                investigation?: {
                    breachedAt?: string;
                    deadline: string;
                    metAt?: string;
                    /** @description The deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md) */
                    provisional: boolean;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached" | "paused";
                };
                resolution: {
                    breachedAt?: string;
                    deadline: string;
                    metAt?: string;
                    /** @description The deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md) */
                    provisional: boolean;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached" | "paused";
                };
            };
            closedAt: string | null;
            customer: {
                /** @description masked: a***@bank.example */
                email?: string;
                /**
                 * @description The customer’s personal data was erased (crypto-shredded): name and phone are empty for good
                 * @enum {boolean}
                 */
                erased?: true;
                idNumber?: string;
                /** @description Always true: every complaint answer carries the customer masked; the clear details only through the reveal */
                masked: boolean;
                name: string;
                phone: string;
                ref: string;
                /** @description Whether this caller may show the customer in clear (POST /complaints/{id}/customer/reveal), and whether a reason is asked of them; null when they may not or nothing is left to show */
                reveal: {
                    reasonRequired: boolean;
                } | null;
                /**
                 * @description The stored details do not decrypt with the configured PII keys (name and phone are then empty)
                 * @enum {boolean}
                 */
                unreadable?: true;
            };
            deadlines: {
                firstResponse: string;
                resolution: string;
            };
            department: string | null;
            description: string;
            escalatedTo: {
                id: string;
                /** @enum {string} */
                kind: "user" | "department" | "level";
            } | null;
            escalationLevel: number;
            /** @description who `escalatedTo` reaches now, by name, by the notification router’s rule over the staff directory: the supervisors (level 1), the head of the complaint’s department, else the supervisors (level 2), the committee chair (level 3); empty at level 0 */
            escalationRecipients: {
                name: string;
                userId: string;
            }[];
            feedback: {
                at: string;
                by: string;
                comment: string;
                satisfied: boolean;
                /** @enum {string} */
                via: "callback" | "survey";
            }[];
            id: string;
            initiativeId?: string;
            owner: {
                id: string;
                /** @enum {string} */
                kind: "user" | "department" | "level";
            };
            paused: boolean;
            pauses: {
                at: string;
                by: string;
                /** @description true when the longest allowed pause ended it */
                capped?: boolean;
                reason: string;
                resumedAt?: string;
                resumedBy?: string;
            }[];
            policyVersion: number;
            processEnded?: components["schemas"]["ProcessEnded"];
            /** @description a supervisor moved the complaint from one agent (`from`) to another (`to`), oldest first */
            reassignments: {
                at: string;
                by: string;
                from: string;
                reason: string;
                to: string;
            }[];
            receivedAt: string;
            /** @description closed as feedback by a supervisor (docs/feedback.md "Reclassification"): the kind, the feedback item opened from it, why */
            reclassified?: {
                at: string;
                by: string;
                feedbackId: string;
                /** @enum {string} */
                kind: "inquiry" | "suggestion" | "praise";
                reason: string;
            };
            reopenCount: number;
            repeat: boolean;
            repeatOf: string[];
            resolutions: {
                approval?: {
                    approved: boolean;
                    at: string;
                    by: string;
                    comment: string;
                };
                at: string;
                compensation?: {
                    amount: number;
                    /** @enum {string} */
                    currency: "CNY";
                };
                proposedBy: string;
                remedy: string;
                rootCause?: {
                    code: string;
                    group: string;
                    initiativeId: string | null;
                    taxonomyVersion: number;
                };
                /** @enum {string} */
                source: "handler" | "appeal";
                /**
                 * @description `accepted`: reached the customer; `awaiting_approval` → `approved` / `rejected`: a compensation above the approval limit
                 * @enum {string}
                 */
                state: "accepted" | "awaiting_approval" | "approved" | "rejected";
                summary: string;
            }[];
            responses: {
                at: string;
                by: string;
                /** @enum {string} */
                channel: "hotline" | "online_chat" | "app" | "email" | "social_media" | "branch" | "suggestion_box" | "survey" | "regulator_referral";
                message: string;
            }[];
            rootCause: components["schemas"]["RootCause"];
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
            signoff: {
                at: string;
                by: string;
                comment: string;
            } | null;
            /** @enum {string} */
            status: "open" | "responded" | "transferred" | "awaiting_approval" | "resolved" | "awaiting_customer" | "reopened" | "in_appeal" | "closed";
            transfers: {
                at: string;
                by: string;
                department: string;
                from: {
                    id: string;
                    /** @enum {string} */
                    kind: "user" | "department" | "level";
                };
                reason: string;
            }[];
        };
        ComplaintAppeal: {
            reason: string;
        };
        ComplaintAppealDecision: {
            decision: string;
            upheld: boolean;
        };
        ComplaintApproval: {
            approved: boolean;
            comment: string;
        };
        ComplaintCustomerReveal: {
            /** @description The fields to show in clear (default: all); the others stay masked */
            fields?: ("name" | "phone" | "idNumber" | "email")[];
            /** @description Why the details are needed; required of everyone but the complaint’s own agent. Kept in the PII access record (numbers in it masked) */
            reason?: string;
        };
        /** @description The customer of a complaint with the asked fields in clear; the request is in the PII access log */
        ComplaintCustomerRevealed: {
            /** @description When the details were shown (the access record’s time) */
            at: string;
            complaintId: string;
            customer: {
                email?: string;
                idNumber?: string;
                name: string;
                phone: string;
                ref: string;
            };
            /** @description A PII access record (purpose `reveal`) was written before this answer; false only when nothing was given in clear */
            recorded: boolean;
            /** @description The fields given in clear (the asked ones the customer has); the others are masked */
            revealed: ("name" | "phone" | "idNumber" | "email")[];
        };
        ComplaintCustomerUpdate: {
            idNumber?: string;
            name?: string;
            phone?: string;
            /** @description Why the customer’s details change; recorded in the audit trail */
            reason: string;
        };
        ComplaintFeedback: {
            comment: string;
            satisfied: boolean;
            /** @enum {string} */
            via: "callback" | "survey";
        };
        ComplaintIntake: {
            /** @enum {string} */
            category: "service" | "product" | "system_technical" | "policy_process";
            /** @enum {string} */
            channel: "hotline" | "online_chat" | "app" | "email" | "social_media" | "branch" | "suggestion_box" | "survey" | "regulator_referral";
            customer: {
                /** @description Where the customer’s notices and the satisfaction survey link go by email (when no SMS gateway is configured); sealed at rest like the phone */
                email?: string;
                idNumber?: string;
                name: string;
                phone: string;
                ref: string;
            };
            description: string;
            initiativeId?: string;
            /** Format: date-time */
            receivedAt?: string;
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
        };
        /** @description About the complaints received in the period, as they stand now (docs/reports.md) */
        ComplaintKpis: {
            breaches: {
                byLevel: {
                    [key: string]: number;
                };
                complaints: number;
                total: number;
            };
            firstResponse: {
                late: number;
                onTime: number;
                pending: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
            };
            handlingTime: {
                /** @description hours (4 decimals); null when nothing to average */
                avgHours: number | null;
                /** @description hours (4 decimals); null when nothing to average */
                avgWorkingHours: number | null;
                closed: number;
            };
            received: number;
            reopen: {
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
                reopened: number;
            };
            repeat: {
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
                repeats: number;
            };
            resolution: {
                late: number;
                onTime: number;
                pending: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
            };
            resolutionRate: {
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
                resolved: number;
            };
            satisfaction: {
                feedback: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
                satisfied: number;
            };
            volume: {
                byCategory: {
                    [key: string]: number;
                };
                byChannel: {
                    [key: string]: number;
                };
                /** @description linked initiative id, or `none` */
                byProduct: {
                    [key: string]: number;
                };
                bySeverity: {
                    [key: string]: number;
                };
            };
        };
        ComplaintList: {
            items: components["schemas"]["Complaint"][];
            nextCursor: string | null;
        };
        ComplaintReason: {
            reason: string;
        };
        ComplaintReassign: {
            reason: string;
            /** @description the agent to take the complaint: an active person of the staff directory with the role cs_agent, not its current agent */
            toUserId: string;
        };
        /** @description The complaint was really an inquiry, a suggestion or praise: it closes with the reason and a link to the feedback item opened with the same intake facts */
        ComplaintReclassification: {
            /** @enum {string} */
            kind: "inquiry" | "suggestion" | "praise";
            reason: string;
        };
        /** @description The complaint closed as feedback, and the feedback item opened from it */
        ComplaintReclassified: {
            complaintId: string;
            feedback: components["schemas"]["Feedback"];
        };
        ComplaintRelated: {
            /** @description the initiative the complaint is linked to */
            product: {
                id: string;
                name: string;
                stage: string;
                status: string;
            } | null;
            sameCustomer: {
                breached: boolean;
                /** @enum {string} */
                category: "service" | "product" | "system_technical" | "policy_process";
                id: string;
                product: {
                    id: string;
                    name: string;
                } | null;
                receivedAt: string;
                /** @description counted as a repeat of this complaint, or this one of it */
                repeat: boolean;
                /** @enum {string} */
                severity: "general" | "major" | "urgent";
                /** @enum {string} */
                status: "open" | "responded" | "transferred" | "awaiting_approval" | "resolved" | "awaiting_customer" | "reopened" | "in_appeal" | "closed";
                /** @description the first line of the description */
                summary: string;
            }[];
        };
        ComplaintResolution: {
            compensation?: {
                amount: number;
                /** @enum {string} */
                currency: "CNY";
            };
            remedy: string;
            rootCause?: components["schemas"]["RootCauseChoice"];
            summary: string;
        };
        ComplaintResponse: {
            /** @enum {string} */
            channel: "hotline" | "online_chat" | "app" | "email" | "social_media" | "branch" | "suggestion_box" | "survey" | "regulator_referral";
            message: string;
        };
        ComplaintResume: {
            reason?: string;
        };
        ComplaintRootCauseCorrection: {
            code: string;
            initiativeId?: string;
            reason: string;
        };
        ComplaintSignoff: {
            comment: string;
        };
        ComplaintTransfer: {
            department: string;
            reason: string;
        };
        CreateInitiative: {
            /** @enum {string} */
            businessLine: "banking" | "securities" | "insurance" | "fund";
            description: string;
            name: string;
            team: string;
        };
        DemoUser: {
            /** @enum {string} */
            committee?: "chair" | "member";
            department?: string;
            name: string;
            roles: string[];
            title: {
                en: string;
                zh: string;
            };
            userId: string;
        };
        /** @description The departments’ display names in Chinese and English; a department without one shows as its id */
        DepartmentNames: {
            departments: {
                /** @description the department id of the staff directory (e.g. `cards-ops`) */
                id: string;
                name: {
                    /** @description the name in English */
                    en: string;
                    /** @description the name in Chinese */
                    zh: string;
                };
            }[];
        };
        DevTokenRequest: {
            userId: string;
        };
        Directory: {
            departments: {
                /** @description user ids of the department’s heads */
                heads: string[];
                id: string;
                members: number;
                /** @description the display name (PUT /api/v1/departments); null: none given, show the id */
                name: {
                    en: string;
                    zh: string;
                } | null;
            }[];
            people: {
                department: string | null;
                departmentHead: boolean;
                name: string;
                roles: string[];
                userId: string;
            }[];
        };
        Duration: {
            amount: number;
            /** @enum {string} */
            unit: "second" | "minute" | "hour" | "day" | "business_day";
        };
        Erasure: {
            checkedAt: string | null;
            closedAt: string | null;
            complaints: {
                closedAt: string | null;
                id: string;
                receivedAt: string;
                status: string;
            }[];
            customerRef: string;
            decision: {
                approved: boolean;
                at: string;
                by: string;
                comment: string;
            } | null;
            holds: ({
                complaintId: string;
                /** @enum {string} */
                kind: "open_complaint";
                status: string;
            } | {
                complaintId: string;
                /** @enum {string} */
                kind: "open_appeal";
            } | {
                holdId: string;
                /** @enum {string} */
                kind: "legal_hold";
                reason: string;
                setBy: string;
            })[];
            id: string;
            /** @enum {string} */
            origin: "manual" | "retention";
            policyVersion: number;
            proof: {
                chains: {
                    checked: number;
                    firstBroken?: string;
                    ok: boolean;
                };
                dataKeysDestroyed: string[];
                executedAt: string;
                /** @enum {string} */
                ledger: "appended" | "already_there" | "not_configured";
                ok: boolean;
                rowsChecked: number;
                rowsOverwritten: number;
                rowsStillReadable: number;
                verifiedAt: string;
            } | null;
            reason: string;
            requestedAt: string;
            requestedBy: {
                name: string;
                userId: string;
            };
            /** @enum {string} */
            status: "requested" | "held" | "awaiting_approval" | "approved" | "completed" | "refused";
        };
        ErasureDecision: {
            approved: boolean;
            /** @description required for a refusal */
            comment?: string;
        };
        ErasureList: {
            items: components["schemas"]["Erasure"][];
            nextCursor: string | null;
        };
        ErasurePolicy: {
            recheckEvery: components["schemas"]["Duration"] & unknown;
            retention: components["schemas"]["Duration"] & unknown;
            sweepEvery: components["schemas"]["Duration"] & unknown;
        };
        /** @description Erase a customer’s personal data (by their customer reference); it waits for holds and a second compliance auditor’s approval */
        ErasureRequest: {
            customerRef: string;
            reason: string;
        };
        ExtendReview: {
            reason: string;
            until: components["schemas"]["Duration"];
        };
        /** @description The chair convenes an extra meeting of the month, with its reason */
        ExtraMeeting: {
            /** @description the meeting’s month; omitted: the current month */
            month?: string;
            reason: string;
        };
        Feedback: {
            /** @description the commands the item’s status takes now (who may give them is checked on each) */
            allowed: string[];
            answer: {
                at: string;
                by: string;
                text: string;
            } | null;
            archive: {
                at: string;
                by: string;
                text: string;
            } | null;
            /** @enum {string} */
            channel: "hotline" | "online_chat" | "app" | "email" | "social_media" | "branch" | "suggestion_box" | "survey" | "regulator_referral";
            closedAt: string | null;
            credit: {
                at: string;
                by: string;
                id: string;
                /** @enum {string} */
                kind: "person" | "department";
                name: string;
                note: string;
            } | null;
            customer: {
                /** @enum {boolean} */
                erased?: true;
                /**
                 * @description Always masked: the clear details of feedback are not shown
                 * @enum {boolean}
                 */
                masked: true;
                name: string;
                phone: string;
                ref: string;
                /** @enum {boolean} */
                unreadable?: true;
            };
            description: string;
            /** @description an inquiry’s first-response target (null for suggestions and praise) */
            firstResponse: {
                atRiskAt: string;
                due: string;
                metAt: string | null;
                onTime: boolean | null;
                /** @enum {string} */
                state: "pending" | "at_risk" | "breached" | "met";
            } | null;
            id: string;
            initiativeId: string | null;
            /** @enum {string} */
            kind: "inquiry" | "suggestion" | "praise";
            links: {
                improvements: string[];
                initiatives: string[];
            };
            loggedBy: {
                name: string;
                userId: string;
            };
            ownerId: string;
            policyVersion: number;
            receivedAt: string;
            reclassified: {
                at: string;
                by: string;
                complaintId: string;
                reason: string;
            } | null;
            reclassifiedFrom: {
                by: string;
                complaintId: string;
                reason: string;
            } | null;
            response: {
                at: string;
                by: string;
                text: string;
            } | null;
            routing: {
                at: string;
                by: string;
                department: string;
                initiativeId: string | null;
                initiativeOwnerId: string | null;
                note: string;
                teamLeadId: string | null;
            } | null;
            /** @enum {string} */
            status: "open" | "answered" | "routed" | "responded" | "credited" | "archived" | "reclassified";
            version: number;
        };
        FeedbackAnswer: {
            answer: string;
        };
        FeedbackArchive: {
            note?: string;
        };
        FeedbackCredit: {
            /** @description a person (user id) or a department / branch of the directory */
            id: string;
            /** @enum {string} */
            kind: "person" | "department";
            note?: string;
        };
        /** @description Log an inquiry, a suggestion or praise: the complaint intake’s fields (channel, customer, product, description, receipt) and the kind */
        FeedbackIntake: {
            /** @enum {string} */
            channel: "hotline" | "online_chat" | "app" | "email" | "social_media" | "branch" | "suggestion_box" | "survey" | "regulator_referral";
            customer: {
                /** @description Where the customer’s notices and the satisfaction survey link go by email (when no SMS gateway is configured); sealed at rest like the phone */
                email?: string;
                idNumber?: string;
                name: string;
                phone: string;
                ref: string;
            };
            description: string;
            initiativeId?: string;
            /** @enum {string} */
            kind: "inquiry" | "suggestion" | "praise";
            /** Format: date-time */
            receivedAt?: string;
        };
        /** @description absent in reports stored before feedback was counted */
        FeedbackKpis: {
            /** @description inquiries answered by their first-response due date / settled (in time + overdue) */
            inquiryFirstResponse: {
                late: number;
                onTime: number;
                pending: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
            };
            received: number;
            reclassified: {
                asComplaint: number;
                fromComplaint: number;
            };
            volume: {
                byChannel: {
                    [key: string]: number;
                };
                /** @description inquiry, suggestion, praise */
                byKind: {
                    [key: string]: number;
                };
            };
        };
        /** @description Link the suggestion to an initiative (an improvement action is linked by raising it: POST /improvements with source kind `suggestion`) */
        FeedbackLink: {
            /** @description an initiative the suggestion is linked to */
            initiativeId: string;
        };
        FeedbackList: {
            items: components["schemas"]["Feedback"][];
        };
        FeedbackPolicy: {
            /** @description share of the window after which the owner is told the answer is at risk */
            atRiskRatio: number;
            inquiryFirstResponse: components["schemas"]["Duration"] & unknown;
        };
        /** @description The item was really a complaint: a complaint is opened with the same intake facts; the item ends `reclassified` pointing at it */
        FeedbackReclassification: {
            /** @enum {string} */
            category: "service" | "product" | "system_technical" | "policy_process";
            reason: string;
            /** @enum {string} */
            severity: "general" | "major" | "urgent";
        };
        FeedbackRouting: {
            /** @description the owning product team: a department of the directory (GET /api/v1/people/directory) */
            department: string;
            /** @description the initiative the suggestion is about; its owner may respond for the team */
            initiativeId?: string;
            note?: string;
        };
        FeedbackTeamResponse: {
            response: string;
        };
        FollowUp: {
            closedAt: string | null;
            complaintId: string;
            csat: number | null;
            department: string;
            departmentHeadId: string | null;
            due: string;
            /** @enum {string} */
            dueState: "pending" | "at_risk" | "overdue" | "met";
            /** @description 0: the supervisors; 1: overdue, the department head told */
            escalationLevel: number;
            /** @description the answer’s id */
            id: string;
            /** @enum {string} */
            kind: "complaint" | "appeal" | "product_nps";
            nps: number | null;
            openedAt: string;
            outcome: {
                at: string;
                by: string;
                byName: string;
                note: string;
                /** @enum {string} */
                outcome: "contacted_resolved" | "contacted_unresolved" | "unreachable" | "no_action";
            } | null;
            policyVersion: number;
            reminderAt: string;
            respondedAt: string;
            /** @enum {string} */
            source: "link" | "callback";
            /** @enum {string} */
            status: "open" | "closed";
            /** @description the supervisors it is addressed to; empty: every supervisor */
            supervisorIds: string[];
            verbatim: string | null;
            version: number;
        };
        FollowUpList: {
            items: components["schemas"]["FollowUp"][];
        };
        /** @description What came of the follow-up; it closes it */
        FollowUpOutcome: {
            note: string;
            /** @enum {string} */
            outcome: "contacted_resolved" | "contacted_unresolved" | "unreachable" | "no_action";
        };
        FollowUpPolicy: {
            due: components["schemas"]["Duration"] & unknown;
            /** @description share of the window to the deadline after which the supervisors are reminded (1: no reminder) */
            reminderRatio: number;
        };
        /** @description About what happened in the period: submissions, decisions, stages completed, deadlines missed */
        GateKpis: {
            decisions: {
                /** @description a share 0..1 (4 decimals); null without a denominator */
                approvalRate: number | null;
                byOutcome: {
                    [key: string]: number;
                };
                decided: number;
                overridden: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rejectionRate: number | null;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                reworkRate: number | null;
            };
            overdue: {
                reviews: number;
                stillOpen: number;
            };
            reviewCycle: {
                avgHours: {
                    /** @description hours (4 decimals); null when nothing to average */
                    all: number | null;
                    byStage: {
                        [key: string]: number | null;
                    };
                };
                avgWorkingHours: {
                    /** @description hours (4 decimals); null when nothing to average */
                    all: number | null;
                    byStage: {
                        [key: string]: number | null;
                    };
                };
                count: {
                    all: number;
                    byStage: {
                        [key: string]: number;
                    };
                };
            };
            stageCycle: {
                avgHours: {
                    byStage: {
                        [key: string]: number | null;
                    };
                };
                avgWorkingHours: {
                    byStage: {
                        [key: string]: number | null;
                    };
                };
                count: {
                    byStage: {
                        [key: string]: number;
                    };
                };
            };
            submitted: number;
        };
        HolidayPeriod: {
            /** @description first day off, YYYY-MM-DD */
            from: string;
            /** @description the holiday as the notice names it, e.g. 春节 */
            name: string;
            /** @description last day off, YYYY-MM-DD (inclusive) */
            to: string;
        };
        /** @description About the complaints received in the period, as they stand now (docs/reports.md, "Hot issues") */
        HotIssues: {
            categories: {
                change: number;
                /** @description change / previous; null when there were none before */
                changeRate: number | null;
                count: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                firstResponseOnTime: number | null;
                key: string;
                /** @description in the previous period of equal length */
                previous: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                repeatShare: number | null;
                repeats: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                resolutionOnTime: number | null;
                resolutionSettled: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                share: number | null;
            }[];
            computedAt: string;
            from: string;
            previousFrom: string;
            previousReceived: number;
            previousTo: string;
            products: {
                change: number;
                /** @description change / previous; null when there were none before */
                changeRate: number | null;
                count: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                firstResponseOnTime: number | null;
                key: string;
                /** @description in the previous period of equal length */
                previous: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                repeatShare: number | null;
                repeats: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                resolutionOnTime: number | null;
                resolutionSettled: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                share: number | null;
            }[];
            received: number;
            /** @description a share 0..1 (4 decimals); null without a denominator */
            repeatShare: number | null;
            rootCauseGroups: {
                change: number;
                /** @description change / previous; null when there were none before */
                changeRate: number | null;
                count: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                firstResponseOnTime: number | null;
                key: string;
                /** @description in the previous period of equal length */
                previous: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                repeatShare: number | null;
                repeats: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                resolutionOnTime: number | null;
                resolutionSettled: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                share: number | null;
            }[];
            rootCauses: {
                change: number;
                /** @description change / previous; null when there were none before */
                changeRate: number | null;
                count: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                firstResponseOnTime: number | null;
                key: string;
                /** @description in the previous period of equal length */
                previous: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                repeatShare: number | null;
                repeats: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                resolutionOnTime: number | null;
                resolutionSettled: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                share: number | null;
            }[];
            timeZone: string;
            to: string;
            withoutRootCause: number;
            worstOnTime: {
                change: number;
                /** @description change / previous; null when there were none before */
                changeRate: number | null;
                count: number;
                /** @enum {string} */
                dimension: "rootCause" | "category" | "product";
                /** @description a share 0..1 (4 decimals); null without a denominator */
                firstResponseOnTime: number | null;
                key: string;
                /** @description in the previous period of equal length */
                previous: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                repeatShare: number | null;
                repeats: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                resolutionOnTime: number | null;
                resolutionSettled: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                share: number | null;
            }[];
        };
        ImChannel: {
            enabled: boolean;
            /** @enum {string} */
            flavor: "wecom" | "dingtalk" | "feishu" | "generic";
            hasSecret: boolean;
            id: string;
            /** @enum {string} */
            scope: "department" | "committee";
            target: string;
            updatedAt: string;
            updatedBy: string;
            url: string;
        };
        ImChannelInput: {
            /** @default true */
            enabled: boolean;
            /** @enum {string} */
            flavor: "wecom" | "dingtalk" | "feishu" | "generic";
            /** @description The channel’s id, as in the path (a replace names what it replaces twice) */
            id: string;
            /**
             * @description Remove the stored secret (the channel then posts unsigned)
             * @enum {boolean}
             */
            removeSecret?: true;
            /** @enum {string} */
            scope: "department" | "committee";
            /** @description Signing secret; omitted keeps the stored one. Never returned. */
            secret?: string;
            /** @description The department (scope `department`); `committee` for the committee */
            target: string;
            /** Format: uri */
            url: string;
        };
        Improvement: {
            closedAt: string | null;
            completions: {
                at: string;
                by: string;
                evidence: {
                    note: string;
                    url: string;
                }[];
                summary: string;
            }[];
            due: string;
            /** @enum {string} */
            dueState: "pending" | "at_risk" | "overdue" | "met";
            effectiveness: {
                after: {
                    count: number;
                    from: string;
                    to: string;
                } | null;
                at: string;
                before: {
                    count: number;
                    from: string;
                    to: string;
                } | null;
                measure: {
                    /** @enum {string} */
                    dimension: "rootCause" | "product" | "category";
                    value: string;
                } | null;
                /** @enum {string} */
                verdict: "effective" | "not_effective" | "not_measurable";
            } | null;
            effectivenessAt: string | null;
            /** @description 0: the owner; 1: the department head; 2: the committee chair */
            escalationLevel: number;
            id: string;
            links: {
                complaints: string[];
                incidents: string[];
                initiatives: string[];
            };
            measure: {
                /** @enum {string} */
                dimension: "rootCause" | "product" | "category";
                value: string;
            } | null;
            owner: {
                name: string;
                userId: string;
            };
            ownerDepartment: string;
            plan: string;
            policyVersion: number;
            problem: string;
            progress: {
                at: string;
                by: string;
                evidence: {
                    note: string;
                    url: string;
                }[];
                note: string;
            }[];
            raisedAt: string;
            raisedBy: {
                name: string;
                userId: string;
            };
            reminderAt: string;
            source: {
                id: string;
                /** @enum {string} */
                kind: "committee" | "post_launch_review" | "hot_issue" | "incident" | "audit_finding" | "detractor_trend" | "supervisor" | "suggestion";
                label?: string;
            };
            /** @enum {string} */
            status: "in_progress" | "awaiting_verification" | "closed";
            title: string;
            verifications: {
                at: string;
                by: string;
                /** @enum {string} */
                decision: "verified" | "sent_back";
                newDue?: string;
                reason?: string;
            }[];
            verifierId: string | null;
            version: number;
        };
        ImprovementCompletion: {
            evidence: {
                note: string;
                url: string;
            }[];
            summary: string;
        };
        ImprovementList: {
            items: components["schemas"]["Improvement"][];
        };
        ImprovementOwners: {
            items: {
                department: string | null;
                name: string;
                userId: string;
            }[];
        };
        ImprovementPolicy: {
            /**
             * @description what a due date counts: business_day (seconds in tests and demos)
             * @enum {string}
             */
            dueUnit: "second" | "minute" | "hour" | "day" | "business_day";
            effectivenessAfter: components["schemas"]["Duration"] & unknown;
            escalationWindow: components["schemas"]["Duration"] & unknown;
            /** @description share of the window to the due date after which the owner is reminded */
            reminderRatio: number;
            /** @description effective when complaints fell by at least this share (0: any fall) */
            requiredFall: number;
        };
        ImprovementProgress: {
            /** @default [] */
            evidence: {
                note: string;
                url: string;
            }[];
            note: string;
        };
        /** @description Raise an improvement action from a source; one source raises one action (a second raise answers the first) */
        ImprovementRaise: {
            /** @description working days (business calendar) from now to the due date */
            dueInDays: number;
            links?: {
                /** @description complaint ids */
                complaints?: string[];
                /** @description incident ids */
                incidents?: string[];
                /** @description initiative ids */
                initiatives?: string[];
            };
            measure?: {
                /** @enum {string} */
                dimension: "rootCause" | "product" | "category";
                value: string;
            } | null;
            ownerDepartment: string;
            /** @description the owner, picked from the directory (GET /api/v1/people) */
            ownerId: string;
            plan: string;
            problem: string;
            source: {
                /** @description the source record (omitted for a supervisor’s own action: a fresh id is given) */
                id?: string;
                /** @enum {string} */
                kind: "committee" | "post_launch_review" | "hot_issue" | "incident" | "audit_finding" | "detractor_trend" | "supervisor" | "suggestion";
                label?: string;
            };
            title: string;
        };
        ImprovementSendBack: {
            /** @description working days (business calendar) from now to the due date */
            dueInDays: number;
            reason: string;
        };
        ImprovementVerification: Record<string, never>;
        Incident: {
            assignments: {
                at: string;
                by: string;
                note?: string;
                owner: {
                    name: string;
                    userId: string;
                };
            }[];
            breaches: {
                at: string;
                level: number;
                /** @enum {string} */
                step: "owner" | "plan" | "review";
            }[];
            chairUserId: string | null;
            closedAt: string | null;
            /** @description how many complaints are linked */
            complaintCount: number;
            /** @description the first complaints linked (at most 20); every one: GET /incidents/{id}/complaints */
            complaints: components["schemas"]["IncidentLinkedComplaint"][];
            /** @description 0: the owner; 1: supervisors and compliance; 2: the committee chair */
            escalationLevel: number;
            id: string;
            /** @enum {string|null} */
            nextStep: "owner" | "plan" | "review" | null;
            owner: {
                name: string;
                userId: string;
            } | null;
            plans: {
                actions: string[];
                at: string;
                by: string;
                summary: string;
            }[];
            policyVersion: number;
            raisedAt: string;
            review: {
                at: string;
                by: string;
                findings: {
                    action: string;
                    due?: string;
                    finding: string;
                    owner?: string;
                }[];
                summary: string;
            } | null;
            /** @enum {string} */
            status: "open" | "assigned" | "responding" | "closed";
            steps: {
                owner?: {
                    breachedAt?: string;
                    climbedAt?: string;
                    deadline: string;
                    metAt?: string;
                    reminderAt: string;
                    startedAt: string;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached";
                };
                plan?: {
                    breachedAt?: string;
                    climbedAt?: string;
                    deadline: string;
                    metAt?: string;
                    reminderAt: string;
                    startedAt: string;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached";
                };
                review?: {
                    breachedAt?: string;
                    climbedAt?: string;
                    deadline: string;
                    metAt?: string;
                    reminderAt: string;
                    startedAt: string;
                    /** @enum {string} */
                    state: "pending" | "at_risk" | "met" | "breached";
                };
            };
            trigger: {
                baseline: number;
                count: number;
                /** @enum {string} */
                dimension: "product" | "rootCause" | "channel";
                threshold: number;
                value: string;
                windowFrom: string;
                windowTo: string;
            };
        };
        /** @description Complaints linked to an incident, in the order they were linked */
        IncidentComplaintList: {
            items: components["schemas"]["IncidentLinkedComplaint"][];
            nextCursor: string | null;
        };
        IncidentLinkedComplaint: {
            at: string;
            id: string;
            /**
             * @description spike: counted in the spike; watch: matched later, linked by the watcher
             * @enum {string}
             */
            via: "spike" | "watch";
        };
        IncidentList: {
            items: components["schemas"]["Incident"][];
            nextCursor: string | null;
        };
        IncidentOwnerAssignment: {
            note?: string;
            /** @description the response owner: any person, by user id */
            owner: {
                name: string;
                userId: string;
            };
        };
        IncidentPlan: {
            actions: string[];
            summary: string;
        };
        IncidentPolicy: {
            /** @description the baseline is the mean of this many windows before the current one */
            baselineWindows: number;
            dimensions: ("product" | "rootCause" | "channel")[];
            escalationWindow: components["schemas"]["Duration"];
            minCount: number;
            /** @description a spike reaches at least ratio × the baseline (and minCount) */
            ratio: number;
            reminderRatio: number;
            steps: {
                owner: components["schemas"]["Duration"];
                plan: components["schemas"]["Duration"];
                review: components["schemas"]["Duration"];
            };
            watchEvery: components["schemas"]["Duration"] & unknown;
            window: components["schemas"]["Duration"] & unknown;
        };
        /** @description The post-incident review: what was learned, each finding with its action; completing it closes the incident */
        IncidentReview: {
            findings: {
                action: string;
                due?: string;
                finding: string;
                owner?: string;
            }[];
            summary: string;
        };
        Initiative: {
            /** @enum {string} */
            businessLine: "banking" | "securities" | "insurance" | "fund";
            createdAt: string;
            description: string;
            id: string;
            name: string;
            nextVersion: number | null;
            owner: string;
            ownerName: string;
            postLaunch: {
                linkedComplaints: number;
                reviewItem: {
                    /**
                     * @description what raised it (absent: complaints, items raised before NPS drops could)
                     * @enum {string}
                     */
                    cause?: "complaints" | "nps_drop";
                    complaintCount: number;
                    /** @description the committee meeting’s decision on the item (GET of one initiative), once taken */
                    decision?: {
                        /** @description the improvement action a "fix" raised */
                        actionId: string | null;
                        comment: string | null;
                        decidedAt: string | null;
                        decidedBy: string | null;
                        /** @enum {string} */
                        decision: "continue" | "fix" | "withdraw";
                        meetingId: string | null;
                    };
                    id: string;
                    /** @description the NPS drop that raised it: the two periods’ scores and answers */
                    nps?: {
                        campaignId: string;
                        current: number;
                        currentAnswers: number;
                        drop: number;
                        previous: number;
                        previousAnswers: number;
                    };
                    raisedAt: string;
                    threshold: number;
                } | null;
                /** @enum {string} */
                status: "monitoring" | "ended";
                threshold: number;
                windowEnd: string;
                windowStart: string;
            } | null;
            processEnded?: components["schemas"]["ProcessEnded"];
            requestedChanges: string[] | null;
            review: components["schemas"]["Review"] | null;
            reviews: components["schemas"]["Review"][];
            /** @enum {string} */
            stage: "research" | "design" | "prototype_testing" | "launch_assessment" | "launched";
            /** @enum {string} */
            status: "in_progress" | "in_review" | "changes_requested" | "launched" | "rejected" | "withdrawn";
            team: string;
            updatedAt: string;
            withdrawal: {
                at: string;
                by: string;
                reason: string;
            } | null;
        };
        InitiativePage: {
            items: components["schemas"]["Initiative"][];
            nextCursor: string | null;
        };
        KpiReport: {
            computedAt: string;
            from: string;
            kpis: components["schemas"]["Kpis"];
            timeZone: string;
            to: string;
        };
        /** @description the targets in force when computed (absent in reports stored before targets were the committee’s) */
        KpiTargetFigures: {
            /** @description closed complaints surveyed or called back / closed: at least (absent in reports stored before it) */
            callbackCoverage?: number;
            firstResponseOnTime: number;
            /** @description at most */
            gateReviewCycleWorkingHours: number;
            resolutionOnTime: {
                bySeverity: {
                    [key: string]: number;
                };
            };
            resolutionRate: number;
            satisfaction: number;
            /** @description the targets policy version; 0 = the defaults, never approved */
            version: number;
        };
        KpiTargets: {
            /** @description closed complaints surveyed or called back / closed: at least (absent: the default, 100 %) */
            callbackCoverage?: number;
            /** @description first-response clocks met in time / settled: at least */
            firstResponseOnTime: number;
            /** @description mean gate review cycle in working hours: at most */
            gateReviewCycleWorkingHours: number;
            /** @description resolution deadlines kept / settled, by severity: at least */
            resolutionOnTime: {
                /** @description a share 0..1 */
                general: number;
                /** @description a share 0..1 */
                major: number;
                /** @description a share 0..1 */
                urgent: number;
            };
            /** @description complaints resolved / received: at least */
            resolutionRate: number;
            /** @description satisfied answers / answers: at least */
            satisfaction: number;
        };
        Kpis: {
            /** @description department: the one transferred to, else the first responder’s team; team: the first responder’s; agent: the first responder */
            accountability?: {
                agent?: components["schemas"]["UnitKpis"];
                department?: components["schemas"]["UnitKpis"];
                team?: components["schemas"]["UnitKpis"];
            };
            complaints: components["schemas"]["ComplaintKpis"];
            feedback?: components["schemas"]["FeedbackKpis"];
            gates: components["schemas"]["GateKpis"];
            onTime?: {
                firstResponse: {
                    bySeverity: {
                        [key: string]: number | null;
                    };
                };
                resolution: {
                    bySeverity: {
                        [key: string]: number | null;
                    };
                };
            };
            targets?: components["schemas"]["KpiTargetFigures"];
            voice?: components["schemas"]["VoiceKpis"];
        };
        LegalHold: {
            customerRef: string;
            id: string;
            liftReason: string | null;
            liftedAt: string | null;
            liftedBy: string | null;
            reason: string;
            setAt: string;
            setBy: string;
        };
        LegalHoldLift: {
            reason: string;
        };
        LegalHoldList: {
            items: components["schemas"]["LegalHold"][];
        };
        LegalHoldRequest: {
            customerRef: string;
            reason: string;
        };
        Meeting: {
            attendance: {
                at: string;
                by: string;
                userId: string;
            }[];
            chairUserId: string | null;
            convenedAt: string;
            convenedBy: string;
            id: string;
            items: {
                addedAt?: string;
                addedBy?: string;
                decision: {
                    action?: {
                        actionId: string;
                        dueInDays: number;
                        owner: {
                            name: string;
                            userId: string;
                        };
                        ownerDepartment: string;
                        plan: string;
                        title: string;
                    };
                    at: string;
                    by: string;
                    comment: string;
                    /** @enum {string} */
                    decision: "noted" | "raise_action" | "target_approved" | "target_refused" | "post_launch_continue" | "post_launch_fix" | "post_launch_withdraw";
                    inChairsStead: boolean;
                    quorum: {
                        present: number;
                        required: number;
                    };
                } | null;
                decisions: ("noted" | "raise_action" | "target_approved" | "target_refused" | "post_launch_continue" | "post_launch_fix" | "post_launch_withdraw")[];
                facts: {
                    [key: string]: string | number | boolean | null;
                };
                key: string;
                /** @enum {string} */
                kind: "quality_report" | "hot_issue" | "incident" | "post_launch" | "overdue_action" | "target_missed" | "target_proposal" | "chair_item";
                link: string | null;
                quorum: {
                    met: boolean;
                    present: number;
                    required: number;
                };
                recused: string[];
                stake: {
                    owner?: string;
                    submitter: string;
                    team: string;
                } | null;
                subjectId: string | null;
                title: string;
            }[];
            /** @enum {string} */
            kind: "monthly" | "extra";
            minutes: {
                escalateAt: string | null;
                escalatedAt: string | null;
                readyAt: string | null;
                remindedAt: string | null;
                reminderAt: string | null;
                signedAt: string | null;
                signedBy: string | null;
            };
            month: string;
            policyVersion: number;
            quorum: {
                met: boolean;
                present: number;
                required: number;
            };
            reason: string | null;
            reviewedMonth: string;
            roster: {
                chair: boolean;
                department: string;
                name: string;
                userId: string;
            }[];
            /** @enum {string} */
            status: "in_session" | "minutes_ready" | "signed";
        };
        MeetingAgendaItem: {
            description: string;
            title: string;
        };
        MeetingAttendance: {
            /** @description omitted: the caller; the chair may record another member present */
            userId?: string;
        };
        MeetingDecision: {
            /** @description the improvement action raise_action and post_launch_fix raise */
            action?: {
                /** @description working days from the decision to the due date */
                dueInDays: number;
                owner: {
                    name: string;
                    userId: string;
                };
                ownerDepartment: string;
                plan: string;
                title: string;
            };
            /** @description required for every decision but noted */
            comment?: string;
            /** @enum {string} */
            decision: "noted" | "raise_action" | "target_approved" | "target_refused" | "post_launch_continue" | "post_launch_fix" | "post_launch_withdraw";
            itemKey: string;
        };
        MeetingList: {
            items: components["schemas"]["Meeting"][];
        };
        MeetingPolicy: {
            /** @description how many of the month’s hottest root causes the agenda lists */
            hotIssues: number;
            minutesEscalation: components["schemas"]["Duration"] & unknown;
            minutesReminder: components["schemas"]["Duration"] & unknown;
        };
        MinutesSignature: {
            /** @description the chair confirms the minutes as shown: true (false is refused) */
            confirm: boolean;
        };
        Notification: {
            createdAt: string;
            /** @description Structured facts of the notice: deadlines, levels, outcomes */
            data: {
                [key: string]: unknown;
            } | null;
            entityId: string;
            entityType: string;
            /** @enum {string} */
            eventType: "reminder" | "at_risk" | "breach" | "escalation" | "compliance_notice" | "vote_requested" | "signoff_requested" | "decision" | "extension" | "compensation_approval" | "appeal" | "report_ready" | "handling";
            id: string;
            /** @description Path of the entity in the web UI */
            link: string;
            readAt: string | null;
            /** @description What happened, e.g. `complaint.escalated` (docs/notifications.md lists them) */
            topic: string;
        };
        NotificationDelivery: {
            attempts: number;
            /** @enum {string} */
            channel: "email" | "im" | "customer";
            createdAt: string;
            entityId: string;
            entityType: string;
            id: string;
            lastError: string | null;
            messageId: string;
            nextAttemptAt: string;
            notificationId: string | null;
            outcome: string | null;
            /** @description A user id, an IM channel id, or (customer notices) the complaint id — never a contact */
            recipient: string;
            recipientKind: string;
            redrivenAt: string | null;
            redrivenBy: string | null;
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "dead" | "skipped";
            topic: string;
        };
        NotificationDeliveryPage: {
            items: components["schemas"]["NotificationDelivery"][];
            nextCursor: string | null;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            nextCursor: string | null;
            unread: number;
        };
        NotificationPreferences: {
            /**
             * @description `email`: by email (and in-app); `im`: through your department’s IM group (and in-app); `inapp`: in-app only
             * @enum {string}
             */
            channel: "email" | "im" | "inapp";
            /** @description The address the directory holds (set by administrators) */
            email: string | null;
            /** @enum {string} */
            language: "zh" | "en";
        };
        NotificationPreferencesChange: {
            /** @enum {string} */
            channel?: "email" | "im" | "inapp";
            /** @enum {string} */
            language?: "zh" | "en";
        };
        NotificationRoutingTable: {
            appeal: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            at_risk: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            breach: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            compensation_approval: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            compliance_notice: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            decision: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            escalation: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            extension: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            handling: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            reminder: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            report_ready: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            signoff_requested: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
            vote_requested: {
                also: ("owner" | "supervisor" | "department" | "committee" | "chair" | "compliance")[];
                email: boolean;
                im: boolean;
            };
        };
        NotificationsMarkedRead: {
            marked: number;
            unread: number;
        };
        PeoplePage: {
            items: components["schemas"]["Person"][];
            nextCursor: string | null;
        };
        Person: {
            active: boolean;
            /** @enum {string} */
            channel: "email" | "im" | "inapp";
            department: string | null;
            departmentHead: boolean;
            email: string | null;
            /** @enum {string} */
            language: "zh" | "en";
            name: string;
            roles: string[];
            updatedAt: string;
            updatedBy: string;
            userId: string;
        };
        PersonInput: {
            /** @default true */
            active: boolean;
            /**
             * @default email
             * @enum {string}
             */
            channel: "email" | "im" | "inapp";
            department?: string;
            /** @default false */
            departmentHead: boolean;
            /**
             * Format: email
             * @description Omitted: the person has no address (in-app and IM only)
             */
            email?: string;
            /**
             * @default zh
             * @enum {string}
             */
            language: "zh" | "en";
            name: string;
            roles: ("product_owner" | "cs_agent" | "business_handler" | "supervisor" | "compliance_auditor" | "admin")[];
            /** @description The person’s user id (the token’s `sub`), as in the path */
            userId: string;
        };
        /** @description One entry of the PII access log: customer details handed out in clear (never the details themselves), or a flag raised to compliance. */
        PiiAccess: {
            /**
             * @description `granted`: details handed out in clear; `flagged`: the person passed the distinct-customer threshold and compliance was notified
             * @enum {string}
             */
            action: "pii_access.granted" | "pii_access.flagged";
            actor: string;
            at: string;
            /** @description the audit chain (`pii_access/<chain>`, `<YYYY-MM-DD>:<actor>`) the record belongs to */
            chain: string;
            flag: {
                distinctCustomers: number;
                threshold: number;
                windowMinutes: number;
            } | null;
            hash: string;
            id: string;
            items: {
                complaintId: string;
                customerRef: string;
                fields: ("name" | "phone" | "idNumber" | "email")[];
            }[];
            /** @enum {string|null} */
            purpose: "list" | "detail" | "command" | "export" | "customer_notice" | "reveal" | null;
            /** @description why the person asked to see the details (a `reveal` by anyone but the complaint’s own agent); phone and id numbers in it masked */
            reason: string | null;
            /** @description the request’s X-Request-Id, as in the access log; for a notice to the customer, the delivery’s message id */
            requestId: string | null;
            roles: string[];
            seq: number;
        };
        PiiAccessPage: {
            items: components["schemas"]["PiiAccess"][];
            nextCursor: string | null;
        };
        Problem: {
            detail?: string;
            errors?: {
                /**
                 * @description why the field was refused (domain/field-rules.ts), for clients to say in their own words
                 * @enum {string}
                 */
                code?: "required" | "too_long" | "too_small" | "too_big" | "format" | "choice" | "unknown_field" | "not_found" | "invalid" | "not_an_agent" | "same_owner";
                /** @description the bound broken, for too_long, too_small and too_big */
                limit?: number;
                message: string;
                path: string;
            }[];
            /** @description the path of the request */
            instance?: string;
            status: number;
            title: string;
            type: string;
        };
        /** @description The process ended outside cxgov (terminated, timed out, failed or cancelled in Temporal): the entity stays as last recorded and takes no more commands; the audit trail records the end. */
        ProcessEnded: {
            at: string;
            reason: string | null;
            /** @enum {string} */
            status: "terminated" | "timed_out" | "failed" | "cancelled";
        };
        /** @description A product’s NPS and complaints month by month, since twelve months before today (docs/surveys.md "Product NPS") */
        ProductVoice: {
            initiativeId: string;
            months: {
                /** @description complaints about the product received in the month */
                complaints: number;
                /** @description YYYY-MM in the institution’s time zone */
                month: string;
                nps: {
                    answers: number;
                    detractors: number;
                    /** @description adjusted-Wald 95 % interval, high end */
                    high: number | null;
                    /** @description adjusted-Wald 95 % interval, low end */
                    low: number | null;
                    passives: number;
                    promoters: number;
                    /** @description NPS points −100…100; null without answers */
                    score: number | null;
                };
            }[];
            timeZone: string;
        };
        PublicSurvey: {
            /** @description Until when the link can be used */
            expiresAt: string;
            /**
             * @description complaint: the complaint closed; appeal: an appeal was decided
             * @enum {string}
             */
            kind: "complaint" | "appeal" | "product_nps";
            /** @description The complaint number the customer was given: the only thing the page shows about the complaint */
            reference: string;
        };
        Report: {
            from: string;
            generatedAt: string;
            /** @description `schedule` or the user who regenerated it */
            generatedBy: string;
            /** @enum {string} */
            kind: "monthly" | "weekly";
            kpis: components["schemas"]["Kpis"];
            period: string;
            timeZone: string;
            to: string;
        };
        /** @description The products the caller may filter the KPIs by */
        ReportProducts: {
            items: {
                id: string;
                name: string;
            }[];
            /**
             * @description own: a product owner’s products (their team’s and their own); all: every initiative
             * @enum {string}
             */
            scope: "own" | "all";
        };
        ReportSummary: {
            from: string;
            generatedAt: string;
            /** @description `schedule` or the user who regenerated it */
            generatedBy: string;
            /** @enum {string} */
            kind: "monthly" | "weekly";
            period: string;
            timeZone: string;
            to: string;
        };
        Review: {
            carriedComments?: string[];
            chair: string;
            comments?: string[];
            deadline: string;
            decidedAt?: string;
            deliverables?: unknown;
            eligible: string[];
            escalatedAt?: string;
            extension?: {
                at: string;
                by: string;
                duration: components["schemas"]["Duration"];
                reason: string;
                until: string;
            };
            id: string;
            initiativeId: string;
            openedAt: string;
            /** @enum {string} */
            outcome?: "approve" | "request_changes" | "reject";
            override?: boolean;
            policyVersion: number;
            /** @description The open review's deadline counts days of a year without an official holiday schedule yet; it may move when the schedule is imported (docs/calendar.md) */
            provisional?: boolean;
            quorum: {
                cast: number;
                met: boolean;
                required: number;
            };
            recused: string[];
            remindedAt?: string;
            reminderAt: string;
            signOffComment?: string;
            signedOffBy?: string;
            /** @enum {string} */
            stage: "research" | "design" | "prototype_testing" | "launch_assessment";
            /**
             * @description `withdrawn`: closed without a decision because the initiative was withdrawn
             * @enum {string}
             */
            status: "open" | "escalated" | "decided" | "withdrawn";
            submittedBy: string;
            version: number;
            /** @description Every vote and revision, in the order cast */
            votes: {
                at: string;
                comment: string;
                /** @enum {string} */
                decision: "approve" | "request_changes" | "reject";
                revision: number;
                userId: string;
            }[];
            withdrawnAt?: string;
        };
        ReviewPolicy: {
            launchThresholds: {
                function: number;
                performance: number;
                security: number;
                userExperience: number;
            };
            postLaunch: {
                complaintThreshold: number;
                window: components["schemas"]["Duration"];
            };
            quorumRatio: number;
            reminderRatio: number;
            reviewDeadline: components["schemas"]["Duration"];
        };
        /** @description why it happened: named by a resolution or corrected by a supervisor; null until then */
        RootCause: {
            at: string;
            by: string;
            code: string;
            group: string;
            initiativeId: string | null;
            reason?: string;
            taxonomyVersion: number;
            /** @enum {string} */
            via: "resolution" | "correction";
        } | null;
        /** @description why it happened; required when the root-cause policy says so */
        RootCauseChoice: {
            code: string;
            /** @description the product (initiative) the problem lies in, if not the complaint’s own */
            initiativeId?: string;
        };
        /** @description The two-level root-cause taxonomy: groups, each with its causes (a resolution names a cause) */
        RootCausePolicy: {
            groups: {
                children: {
                    code: string;
                    label: {
                        en: string;
                        zh: string;
                    };
                }[];
                code: string;
                label: {
                    en: string;
                    zh: string;
                };
            }[];
            /** @description a resolution must name a root cause */
            requiredOnResolution: boolean;
        };
        SignOff: {
            comment: string;
            /** @enum {string} */
            decision: "approve" | "request_changes" | "reject";
            override?: boolean;
        };
        SignOffResult: components["schemas"]["Review"] & {
            initiative: {
                id: string;
                /** @enum {string} */
                stage: "research" | "design" | "prototype_testing" | "launch_assessment" | "launched";
                /** @enum {string} */
                status: "in_progress" | "in_review" | "changes_requested" | "launched" | "rejected" | "withdrawn";
            };
        };
        SlaPolicy: {
            appealDecision: components["schemas"]["Duration"];
            atRiskRatio: number;
            breachWindow: components["schemas"]["Duration"];
            compensationApprovalLimit: number;
            customerFeedback: components["schemas"]["Duration"];
            firstResponse: components["schemas"]["Duration"];
            maxPause: components["schemas"]["Duration"];
            resolution: {
                general: components["schemas"]["Duration"];
                major: components["schemas"]["Duration"];
                urgent: components["schemas"]["Duration"];
            };
            transferInvestigation: components["schemas"]["Duration"];
        };
        Submission: {
            /** @description The stage’s deliverables (docs/http-contract.md: Research, Design, PrototypeTesting, LaunchAssessment). Each missing or invalid part is named in the 400 answer’s `errors`. */
            deliverables?: unknown;
            /** @enum {string} */
            stage: "research" | "design" | "prototype_testing" | "launch_assessment";
        };
        SurveyAnswer: {
            /** @description How satisfied: 1 (very dissatisfied) … 5 (very satisfied) */
            csat: number;
            /** @description How likely to recommend us: 0 … 10 */
            nps: number;
            /** @description What could be better; personal numbers are masked before it is stored */
            verbatim?: string;
        };
        SurveyAnswered: {
            /** @enum {boolean} */
            answered: true;
        };
        SurveyLinkProblem: {
            /**
             * @description Why the link is refused, for the page to say in the customer’s language
             * @enum {string}
             */
            code: "survey_link_invalid" | "survey_link_expired" | "survey_link_used";
            detail?: string;
            status: number;
            title: string;
            type: string;
        };
        SurveyResponse: {
            agentId: string | null;
            attempts: number;
            channel: string;
            csat: number | null;
            department: string;
            /** @description NPS 0–6 or CSAT ≤ 2: a follow-up opens for the supervisors */
            detractor: boolean;
            followUpId: string | null;
            id: string;
            /** @enum {string} */
            kind: "complaint" | "appeal" | "product_nps";
            nps: number | null;
            product: string;
            reached: boolean;
            /** @description the agent who recorded a callback; null for the customer’s own answer */
            recordedBy: string | null;
            respondedAt: string;
            /** @enum {string} */
            source: "link" | "callback";
            /** @description masked of personal numbers */
            verbatim: string | null;
        };
        SurveyResponseList: {
            items: components["schemas"]["SurveyResponse"][];
        };
        TargetDecision: {
            approved: boolean;
            comment: string;
        };
        TargetProposal: {
            /** @description the targets version the approval wrote */
            appliedVersion: number | null;
            base: components["schemas"]["TargetsInForce"] & unknown;
            /** @description the committee chair who decides (null: the roster had none; the proposal lapsed) */
            chairUserId: string | null;
            /** @description `path: before → after` for every target that would change */
            changes: string[];
            deadline: string;
            decision: {
                approved: boolean;
                at: string;
                by: string;
                comment: string;
                via: {
                    /** @enum {string} */
                    kind: "chair";
                } | {
                    /** @enum {string} */
                    kind: "meeting";
                    meetingId: string;
                };
            } | null;
            id: string;
            lapsedAt: string | null;
            proposedAt: string;
            proposedBy: string;
            reason: string;
            reminderAt: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "lapsed";
            targets: components["schemas"]["KpiTargets"];
        };
        TargetProposalList: {
            items: components["schemas"]["TargetProposal"][];
            nextCursor: string | null;
        };
        TargetProposalRequest: {
            /** @description why the targets should change; recorded in the audit trail */
            reason: string;
            targets: components["schemas"]["KpiTargets"];
        };
        TargetsInForce: {
            targets: components["schemas"]["KpiTargets"];
            /** @description 0: the defaults, never approved */
            version: number;
        };
        Task: {
            /** @description The customer’s name, always masked here; the clear name is on the complaint */
            customer?: string;
            deadline: string | null;
            deadlineState?: string;
            entityId: string;
            /** @enum {string} */
            entityType: "initiative" | "complaint" | "calendar" | "incident" | "target_proposal" | "improvement" | "meeting" | "erasure" | "follow_up" | "feedback";
            /** @description The item’s vocabulary for wording the title: severity, category, channel; name, stage, version */
            facts?: {
                [key: string]: string;
            };
            kind: string;
            link: string;
            /** @description What the item is about (a complaint’s summary, an initiative’s description or the committee’s requested changes) */
            summary?: string;
            title: string;
        };
        /** @description The complaint KPIs of every unit of one kind, each KPI a map unit → value; `none` = complaints without one */
        UnitKpis: {
            firstResponseOnTime: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            handlingHours: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            handlingWorkingHours: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            received: {
                byUnit: {
                    [key: string]: number;
                };
            };
            reopenRate: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            repeatRate: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            resolutionOnTime: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            /** @description the unit’s own target: its settled complaints weighed by their severity’s target */
            resolutionOnTimeTarget: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            resolutionRate: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            satisfaction: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            /** @description how many targeted KPIs the unit misses; 0 = on target */
            underTarget: {
                byUnit: {
                    [key: string]: number;
                };
            };
        };
        UnreadCount: {
            unread: number;
        };
        /** @description CSAT, NPS and callback coverage (absent in reports stored before surveys) */
        VoiceKpis: {
            agent: components["schemas"]["VoiceTable"];
            channel: components["schemas"]["VoiceTable"];
            coverage: {
                calledBack: number;
                /** @description complaints closed in the period */
                closed: number;
                /** @description of them, surveyed (a link answered) or called back and reached */
                covered: number;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
                surveyed: number;
                /** @description called back, never reached, and not surveyed */
                unreachable: number;
            };
            csat: {
                answers: number;
                /** @description Wilson 95 % interval of the rate, high end */
                high: number | null;
                /** @description Wilson 95 % interval of the rate, low end */
                low: number | null;
                /** @description mean score 1–5 (2 decimals) */
                mean: number | null;
                /** @description a share 0..1 (4 decimals); null without a denominator */
                rate: number | null;
                satisfied: number;
            };
            department: components["schemas"]["VoiceTable"];
            nps: {
                answers: number;
                /** @description 0–6 */
                detractors: number;
                /** @description adjusted-Wald 95 % interval, high end */
                high: number | null;
                /** @description adjusted-Wald 95 % interval, low end */
                low: number | null;
                /** @description 7–8 */
                passives: number;
                /** @description 9–10 */
                promoters: number;
                /** @description NPS points −100…100 (1 decimal); null without answers */
                score: number | null;
            };
            product: components["schemas"]["VoiceTable"];
        };
        /** @description CSAT and NPS per value of one dimension (`none`: answers without one) */
        VoiceTable: {
            answers: {
                byUnit: {
                    [key: string]: number;
                };
            };
            /** @description satisfied (CSAT 4–5) / CSAT answers */
            csat: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            /** @description Wilson 95 % interval, high end */
            csatHigh: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            /** @description Wilson 95 % interval, low end */
            csatLow: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            detractors: {
                byUnit: {
                    [key: string]: number;
                };
            };
            nps: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            /** @description adjusted-Wald 95 % interval, high end */
            npsHigh: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
            /** @description adjusted-Wald 95 % interval, low end */
            npsLow: {
                byUnit: {
                    [key: string]: number | null;
                };
            };
        };
        Vote: {
            comment: string;
            /** @enum {string} */
            decision: "approve" | "request_changes" | "reject";
        };
        Withdraw: {
            reason: string;
        };
        YearImport: {
            holidays: components["schemas"]["HolidayPeriod"][];
            /** @description where the schedule comes from, e.g. the notice 国办发明电〔2026〕7号 */
            source: string;
            /** @description make-up working days (调休): weekend days that are working days */
            workdays: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
