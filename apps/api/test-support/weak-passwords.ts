/**
 * Weak passwords people really choose, Vietnamese habits first. At least 12 characters each, so the
 * length rule alone cannot refuse them: the dictionary and pattern checks must.
 */
export const WEAK_PASSWORDS = [
  'matkhau123456',
  'Matkhau@123456',
  'anhyeuem123456',
  'Anhyeuem@2024',
  'emyeuanh@1995',
  'yeuemmaimai123',
  '123456a@123456a@',
  '123456a@123456',
  'Aa@123456789',
  'Abc@123456789',
  'Vietnam@123456',
  'vietnamvodich2026',
  'Hanoi@12345678',
  'Saigon@2025!!',
  'nguyenvanan1990',
  'Trang@12345678',
  'Huong@19951995',
  'iloveyou123456',
  'Password@2026',
  'P@ssw0rd123456',
  'qwertyuiop@123',
  '1q2w3e4r5t6y7u',
  'Mật khẩu 123456',
  'Caunoi@2026!!',
  'Summer@2025!!',
];
