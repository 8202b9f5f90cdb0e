export * from "./enums";
export * from "./clinics";
export * from "./couples";
export * from "./work";
export * from "./notes";
export * from "./system";
export * from "./security";
export * from "./rollups";
