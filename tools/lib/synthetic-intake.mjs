// Request bodies of synthetic intakes, for the bench and the scale-out test.

/** Synthetic intake bodies: no real person, no free text that could be mistaken for one. */
export function callBody(lineId) {
  const startedAt = new Date(Date.now() - 5 * 60_000).toISOString();
  return JSON.stringify({
    lineId,
    channel: 'phone',
    startedAt,
    callerType: 'anonymous',
    survivorSex: 'female',
    survivorAgeGroup: '25_59',
    communeCode: '20242',
    childInvolved: false,
    dangerNow: false,
    crimeSigns: false,
    outcome: 'counselling',
  });
}

export function walkInBody() {
  return JSON.stringify({
    consent: { given: true, givenBy: 'survivor', method: 'verbal' },
    survivor: {
      fullName: 'Bench Synthetic',
      dateOfBirth: '1990-01-01',
      sex: 'female',
      phone: '0900000000',
    },
  });
}
