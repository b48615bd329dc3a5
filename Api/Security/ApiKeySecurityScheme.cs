namespace Insights.Api.Security;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

/// <summary>
/// Declares the API key (and bearer tokens) in the OpenAPI document, so that clients generated from it and the
/// Scalar UI's "try it" send credentials.
/// </summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "ApiKey";
    private const string BearerName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent<IOpenApiSecurityScheme>(Name, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyCredentials.HeaderName,
            Description = "An API key with the scope the operation needs (read or ingest).",
        });
        document.AddComponent<IOpenApiSecurityScheme>(BearerName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A bearer token (Entra ID) with scp or roles read/ingest, when Insights:Auth:Jwt is configured.",
        });
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerName, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
