export { DESCRIBES_THE_API } from "./descriptions.ts";
export { type ServedMethod, servedMethods } from "./methods.ts";
export type { OperationShape } from "./operation-shape.ts";
export { allowedMethods, EVERYTHING, type Permission, permittedMethods } from "./permitted.ts";
export { representedResource } from "./represented-resource.ts";
export {
  isTableMethod,
  type MethodsOf,
  ROUTE_TABLE,
  TABLE_METHODS,
  type TableMethod,
} from "./route-table.ts";
export { accessOf, scopeOf } from "./scopes.ts";
export { type RouteOf, type RouteSubject, registrySubjects, type Subject } from "./subjects.ts";
