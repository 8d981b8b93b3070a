using Microsoft.OpenApi;
using Open311.Domain.Requests;
using Open311.Web.GeoReport.Queries;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Web.GeoReport;

/// <summary>The OpenAPI description of the GeoReport v2 API and Swagger UI at <c>/swagger</c>.</summary>
public static class Open311Swagger
{
    public const string DocumentPath = "/swagger/" + Open311Api.DocumentName + "/swagger.json";

    public static IServiceCollection AddOpen311Swagger(this IServiceCollection services) =>
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(Open311Api.DocumentName, new OpenApiInfo
            {
                Title = "Open311 GeoReport v2",
                Version = "v2",
                Description =
                    "GeoReport v2 with the common extensions. Every method ends in .xml or .json; errors are a list of " +
                    "{code, description} in the same format. GET methods need no key and send Access-Control-Allow-Origin: *; " +
                    "each also answers HEAD with the same status and headers and no body. " +
                    "POST requests needs api_key (form, query string or 'Authorization: Bearer KEY').",
            });
            options.DocInclusionPredicate((document, description) =>
                (description.GroupName is null || description.GroupName == document) && description.HttpMethod != HttpMethods.Head);
            options.OperationFilter<ParameterDescriptions>();
            options.SchemaFilter<PostFieldDescriptions>();
            options.OperationFilter<PostRequestBody>();
        });

    public static WebApplication UseOpen311Swagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.SwaggerEndpoint(DocumentPath, "Open311 GeoReport v2");
        });
        return app;
    }

    /// <summary>
    /// Adds the POST body to the description. The endpoint declares no accepted content types, because routing
    /// would then turn away posts that carry their fields in the query string with no Content-Type.
    /// </summary>
    private sealed class PostRequestBody : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.OperationId != nameof(Apis.PostRequestsApi.PostServiceRequest))
            {
                return;
            }

            var schema = context.SchemaGenerator.GenerateSchema(typeof(Apis.PostServiceRequestForm), context.SchemaRepository);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/x-www-form-urlencoded"] = new OpenApiMediaType { Schema = schema },
                    ["multipart/form-data"] = new OpenApiMediaType { Schema = schema },
                },
            };
        }
    }

    /// <summary>Describes the POST form fields, which the handler reads from the form itself.</summary>
    private sealed class PostFieldDescriptions : ISchemaFilter
    {
        private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
        {
            ["api_key"] = "API key (required). May instead be sent as 'Authorization: Bearer KEY'.",
            ["jurisdiction_id"] = "Jurisdiction; empty or absent means the default one.",
            ["service_code"] = "Service code from GET services (required; unknown is a 404).",
            ["lat"] = "Latitude in WGS84 decimal degrees, with long. A location is lat and long, address_string or address_id.",
            ["long"] = "Longitude in WGS84 decimal degrees, with lat.",
            ["address_string"] = "Street address, such as '2000 Mission St'.",
            ["address_id"] = "The jurisdiction's own address id.",
            ["email"] = "Reporter's email; stored privately, never published.",
            ["device_id"] = "Id of the reporting device; stored privately.",
            ["account_id"] = "Reporter's account id in the client app; echoed in the reply.",
            ["first_name"] = "Reporter's first name; stored privately.",
            ["last_name"] = "Reporter's last name; stored privately.",
            ["phone"] = "Reporter's phone; stored privately.",
            ["description"] = "Text of the report, at most 4,000 characters.",
            ["media_url"] = "Link to a photo of the problem.",
            ["media"] = "Photo files (multipart only). Not enabled yet on this server: send media_url instead.",
        };

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (context.Type != typeof(Apis.PostServiceRequestForm) || schema.Properties is null)
            {
                return;
            }

            foreach (var (name, property) in schema.Properties)
            {
                if (property is OpenApiSchema editable && Descriptions.TryGetValue(name, out var description))
                {
                    editable.Description = description;
                }
            }
        }
    }

    /// <summary>Fills in each parameter's description by its wire name, so every operation explains the same argument the same way.</summary>
    private sealed class ParameterDescriptions : IOperationFilter
    {
        private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
        {
            ["format"] = "Response format: xml or json (GET requests also accepts geojson). Any other suffix is a 404.",
            ["jurisdiction_id"] = "Jurisdiction, such as sfgov.org. Empty or absent means the server's default jurisdiction; unknown is a 404.",
            ["service_code"] = "Service code. On GET requests a comma list; a code that matches no service gives an empty list.",
            ["service_request_id"] = "Request id. On GET requests a comma list that overrides every other filter.",
            ["token"] = "Token returned by a POST to a batch service.",
            ["status"] = "Comma list of open and closed, case-insensitive; anything else is a 400.",
            ["start_date"] = "Earliest requested_datetime (inclusive): ISO 8601 with a zone, such as 2014-04-30T14:51:52Z or -07:00 " +
                "(a '+' sent unencoded arrives as a space and is read as '+'). No zone is a 400. Without end_date, the window runs 90 days from it.",
            ["end_date"] = "Latest requested_datetime (inclusive), same format as start_date. Without start_date, the window is the 90 days before it. " +
                "With no dates the window is the 90 days before now; a window longer than 90 days or a start after the end is a 400.",
            ["updated_after"] = "Only requests with updated_datetime after this instant (ISO 8601 with a zone). Sent without start_date/end_date, no requested-date window applies.",
            ["updated_before"] = "Only requests with updated_datetime before this instant (ISO 8601 with a zone).",
            ["lat"] = "Latitude in WGS84 decimal degrees (-90 to 90, dot as the decimal separator). On GET requests, send with long and radius; on GET services, with long.",
            ["long"] = "Longitude in WGS84 decimal degrees (-180 to 180, dot as the decimal separator).",
            ["radius"] = $"Radius in metres around lat/long, measured on the sphere; greater than 0 and at most {GeoArguments.MaxRadiusMetres:0}. Send with lat and long.",
            ["bbox"] = "Box as min_long,min_lat,max_long,max_lat (west,south,east,north) in WGS84 decimal degrees, for example -122.45,37.75,-122.40,37.80. " +
                "Minimums must be less than maximums, so a box cannot cross the 180th meridian.",
            ["neighborhood"] = "Neighbourhood name, case-insensitive; an unknown name gives an empty list.",
            ["page"] = "Page number, from 1. A page past the end is an empty list.",
            ["page_size"] = $"Items per page, from 1 to {RequestListFilter.MaxPageSize} (the default).",
            ["extensions"] = "true adds extended_attributes (neighborhood, channel, duplicate_of, internal_status, attribute answers) and notes (the history) to each request.",
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name is { } name && Descriptions.TryGetValue(name, out var description))
                {
                    parameter.Description = description;
                }
            }
        }
    }
}
