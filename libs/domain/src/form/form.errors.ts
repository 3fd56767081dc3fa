/**
 * Refusals of the additional forms ("Formularios adicionales"). A code ending in NOT_FOUND
 * answers 404, TAKEN 409, the others 422; `details[].field` names each offending input.
 */
export const FormRefusal = {
  /** The definition (name, fields, options, limits) is not one a form can have. */
  invalidDefinition: 'FORM.INVALID_DEFINITION',
  notFound: 'FORM.NOT_FOUND',
  idTaken: 'FORM.ID_TAKEN',
  /** A retired form takes no new version and no new fill. */
  retired: 'FORM.RETIRED',
  /** The fill names a version the form never had. */
  unknownVersion: 'FORM.UNKNOWN_VERSION',
  /** The answers break the rules of the version they are filled with. */
  invalidAnswers: 'FORM.INVALID_ANSWERS',
  filledFormNotFound: 'FILLED_FORM.NOT_FOUND',
  filledFormIdTaken: 'FILLED_FORM.ID_TAKEN',
  customerNotFound: 'FORM.CUSTOMER_NOT_FOUND',
  /** The customer was deleted or its personal data erased: no new answers about it. */
  customerGone: 'FORM.CUSTOMER_GONE',
} as const;

export type FormRefusal = (typeof FormRefusal)[keyof typeof FormRefusal];
