/**
 * The package's names as the engine knows them: the schema's tokens (`mediajobs:index:<Name>`) and the dynamic
 * resources' types (`pulumi-nodejs:dynamic/mediajobs:<Name>`, which existing stacks' state holds). A module of its
 * own so that the SDK's classes can name their types without loading the provider.
 */

export const PACKAGE = "mediajobs";

/** A resource's or type's token: `mediajobs:index:<name>`. */
export const tokenOf = (name: string) => `${PACKAGE}:index:${name}`;

/**
 * The module of the dynamic resources (sdk/): their type is `pulumi-nodejs:dynamic/mediajobs:<name>`. Each plugin
 * resource has that type as an alias, so a stack made with the dynamic resources moves to the plugin's without
 * re-running a job or re-creating a pipeline.
 */
export const DYNAMIC_MODULE = PACKAGE;
export const dynamicTypeOf = (name: string) => `pulumi-nodejs:dynamic/${DYNAMIC_MODULE}:${name}`;
