namespace Insights.Wire;

using System.Text.Json;

/// <summary>An event object's fields read through <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.</summary>
internal sealed class JsonElementObject(JsonElement element) : IWireObject
{
    public bool TryGet(string name, out WireValue value)
    {
        if (element.TryGetProperty(name, out var found) && found.ValueKind != JsonValueKind.Null)
        {
            value = new WireValue(found);
            return true;
        }

        value = default;
        return false;
    }
}
