namespace Insights.Api.Security;

using Microsoft.AspNetCore.Authorization;

/// <summary>The authorization policies: one per scope. Everything else needs at least an authenticated caller.</summary>
public static class AuthPolicies
{
    public const string Read = "insights.read";
    public const string Ingest = "insights.ingest";
    public const string Alerts = "insights.alerts";

    public static void Add(AuthorizationBuilder authorization) => authorization
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(Scopes.Read)))
        .AddPolicy(Ingest, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(Scopes.Ingest)))
        .AddPolicy(Alerts, p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(Scopes.Alerts)))
        // A route mapped without a policy (or no route at all) still needs valid credentials: a forgotten
        // RequireRead() degrades to "any key", never to "anyone".
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}

/// <summary>Met when the caller holds <see cref="Scope"/>; its own handler (requirements that handle themselves need no registration).</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasClaim(InsightsClaims.Scope, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public override string ToString() => $"scope '{Scope}'";
}
