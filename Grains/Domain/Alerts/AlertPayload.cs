namespace Insights.Grains.Domain.Alerts;

using System.Text.Json;
using System.Text.Json.Serialization;
using Insights.Alerts;

/// <summary>
/// The body of a delivery: the alert as camelCase JSON (<c>id</c>, <c>rule</c>, <c>videoId</c>, <c>username</c>,
/// <c>description</c>, <c>firedAt</c>, <c>value</c>, <c>baseline</c>, <c>threshold</c>, <c>comments</c>) and the
/// <c>text</c> line that Slack and Teams incoming webhooks show as the message.
/// </summary>
public static class AlertPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static byte[] Serialize(Alert alert) => JsonSerializer.SerializeToUtf8Bytes(alert, Json);
}
