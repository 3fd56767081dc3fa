/** DI token of the SqlDatabase (PostgreSQL or embedded PGlite) holding read models and, by default, the log. */
export const SQL_DATABASE = Symbol('SQL_DATABASE');
/** DI token of the typed application configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
