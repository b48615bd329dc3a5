namespace Insights.Api.Hosting;

using Insights.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;

public static class ApiReferenceExtensions
{
    /// <summary>
    /// The OpenAPI document and the Scalar UI. They describe the API and hold no data: open on a developer's machine
    /// (the browser UI cannot send a key), and for <c>read</c> callers everywhere else.
    /// </summary>
    public static WebApplication MapInsightsApiReference(this WebApplication app)
    {
        // A group, so that the UI's own assets (scalar.js) get the same rule as its page.
        var reference = app.MapGroup("");
        reference.MapOpenApi();
        reference.MapScalarApiReference(o => o.AddPreferredSecuritySchemes(ApiKeySecurityScheme.Name));
        if (app.Environment.IsDevelopment())
        {
            reference.AllowAnonymous();
            return app;
        }

        reference.RequireRead();
        // Scalar marks its script bundle anonymous; outside Development nothing but health is.
        ((IEndpointConventionBuilder)reference).Finally(endpoint =>
        {
            foreach (var open in endpoint.Metadata.OfType<IAllowAnonymous>().ToList())
            {
                endpoint.Metadata.Remove(open);
            }
        });
        return app;
    }
}
