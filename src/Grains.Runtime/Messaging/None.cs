using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>The result of a grain method that returns no value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct None;
