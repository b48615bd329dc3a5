namespace Insights.Api.Limits;

using Microsoft.AspNetCore.Server.Kestrel.Core;

/// <summary><c>Insights:Api:Kestrel</c> and the default body limit applied to Kestrel (test servers ignore them).</summary>
internal static class KestrelLimits
{
    public static void Configure(KestrelServerOptions kestrel, ApiLimitsOptions options)
    {
        var limits = kestrel.Limits;
        var k = options.Kestrel;
        limits.MaxConcurrentConnections = k.MaxConcurrentConnections;
        limits.MaxRequestHeadersTotalSize = k.MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = k.MaxRequestHeaderCount;
        limits.MaxRequestLineSize = k.MaxRequestLineSize;
        limits.RequestHeadersTimeout = k.RequestHeadersTimeout;
        limits.KeepAliveTimeout = k.KeepAliveTimeout;
        limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
    }
}
