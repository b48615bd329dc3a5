namespace Insights.Wire;

/// <summary>
/// The fields of one event object as the validation rules read them, whichever way the JSON was parsed: a
/// <see cref="System.Text.Json.JsonElement"/> (<see cref="JsonElementObject"/>) or the single pass over a batch body
/// (<see cref="ScannedObject"/>). One set of rules (<see cref="WireEventParser"/>) reads both.
/// </summary>
internal interface IWireObject
{
    /// <summary>
    /// The value of the field named <paramref name="name"/> (the last one if it repeats), or false when it is absent or
    /// null. Throws <see cref="InvalidOperationException"/> when a field name on the way cannot be decoded.
    /// </summary>
    bool TryGet(string name, out WireValue value);
}
