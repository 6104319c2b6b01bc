using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>Creates the generated proxy of one grain interface.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate GrainReference GrainProxyFactory(IGrainCallInvoker invoker, GrainId grainId, TimeSpan? responseTimeout);
