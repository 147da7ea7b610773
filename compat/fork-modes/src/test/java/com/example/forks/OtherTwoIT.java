package com.example.forks;

@OtherStack
class OtherTwoIT extends UsesTheBox {
}
