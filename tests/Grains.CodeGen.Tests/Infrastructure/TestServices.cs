namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>A service provider holding exactly the instances a test registers.</summary>
internal sealed class TestServices : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    public TestServices Add(Type type, object instance)
    {
        _services.Add(type, instance);
        return this;
    }

    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
