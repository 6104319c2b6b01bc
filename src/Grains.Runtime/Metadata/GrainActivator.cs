using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>Constructs one grain class: services from the container, persistent state from the activation context. Generated.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate Grain GrainActivator(IServiceProvider services, IGrainActivationContext context);
