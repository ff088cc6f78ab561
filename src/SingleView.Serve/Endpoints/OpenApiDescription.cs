using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SingleView.Serve.Endpoints;

/// <summary>The OpenAPI 3.1 description of the JSON API, generated from the mapped endpoints at /openapi/v1.json.</summary>
internal static class OpenApiDescription
{
    public const string Route = "/openapi/{documentName}.json";

    public const string DocumentPath = "/openapi/v1.json";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // Only the JSON API is described; pages, assets and health are not an API.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "SingleView API",
                Version = "v1",
                Description = "Read-only, role-filtered single view of the child. Every call needs a bearer token (OpenID Connect / JWT) "
                    + "carrying a SingleView role; what is returned is filtered by that role on the server. Searches and views are recorded in the access log.",
            };
            return Task.CompletedTask;
        });
    }
}
