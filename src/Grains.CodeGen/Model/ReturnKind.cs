namespace Grains.CodeGen.Model;

/// <summary>The awaitable a grain method returns; it decides the request's result type and the proxy's invoke helper.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
